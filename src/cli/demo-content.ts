// Demo content: what residents of Kisumu and Saint-Louis might raise, in the languages they
// might raise it in. Illustrative only; boundaries are simple rectangles, not real wards.
export interface DemoCity {
  slug: string; name: string; code: string; country: { slug: string; name: string }; locale: string; timeZone: string;
  /** Centre [longitude, latitude]; wards are laid out as a 2×2 grid of rectangles around it. */
  centre: [number, number];
  wards: string[];
  languages: string[];
}

export const PROGRAMME = { slug: 'pcsc', name: 'People-Centred Smart Cities' };

export const DEMO_CITIES: DemoCity[] = [
  {
    slug: 'kisumu', name: 'Kisumu', code: 'KSM', country: { slug: 'kenya', name: 'Kenya' }, locale: 'en',
    timeZone: 'Africa/Nairobi', centre: [34.7617, -0.0917], wards: ['Kondele', 'Nyalenda', 'Manyatta', 'Kaloleni'],
    languages: ['en', 'sw'],
  },
  {
    slug: 'saint-louis', name: 'Saint-Louis', code: 'STL', country: { slug: 'senegal', name: 'Sénégal' }, locale: 'fr',
    timeZone: 'Africa/Dakar', centre: [-16.4896, 16.0326], wards: ['Guet Ndar', 'Sor', 'Pikine', 'Balacoss'],
    languages: ['fr', 'ar', 'en'],
  },
];

export const CATEGORIES: { slug: string; names: Record<string, string> }[] = [
  { slug: 'water', names: { en: 'Water', fr: 'Eau', es: 'Agua', ar: 'المياه', zh: '供水', ru: 'Вода', pt: 'Água', sw: 'Maji' } },
  { slug: 'sanitation', names: { en: 'Sanitation', fr: 'Assainissement', es: 'Saneamiento', ar: 'الصرف الصحي', zh: '环境卫生', ru: 'Канализация', pt: 'Saneamento', sw: 'Usafi wa mazingira' } },
  { slug: 'roads', names: { en: 'Roads and transport', fr: 'Routes et transport', es: 'Calles y transporte', ar: 'الطرق والنقل', zh: '道路交通', ru: 'Дороги и транспорт', pt: 'Estradas e transportes', sw: 'Barabara na usafiri' } },
  { slug: 'waste', names: { en: 'Waste collection', fr: 'Collecte des déchets', es: 'Recogida de basura', ar: 'جمع النفايات', zh: '垃圾清运', ru: 'Вывоз мусора', pt: 'Recolha do lixo', sw: 'Ukusanyaji taka' } },
  { slug: 'lighting', names: { en: 'Street lighting', fr: 'Éclairage public', es: 'Alumbrado público', ar: 'إنارة الشوارع', zh: '路灯照明', ru: 'Уличное освещение', pt: 'Iluminação pública', sw: 'Taa za barabarani' } },
  { slug: 'safety', names: { en: 'Safety', fr: 'Sécurité', es: 'Seguridad', ar: 'السلامة', zh: '公共安全', ru: 'Безопасность', pt: 'Segurança', sw: 'Usalama' } },
  { slug: 'health', names: { en: 'Health', fr: 'Santé', es: 'Salud', ar: 'الصحة', zh: '医疗卫生', ru: 'Здравоохранение', pt: 'Saúde', sw: 'Afya' } },
  { slug: 'digital', names: { en: 'Digital access', fr: 'Accès numérique', es: 'Acceso digital', ar: 'الوصول الرقمي', zh: '数字接入', ru: 'Цифровой доступ', pt: 'Acesso digital', sw: 'Huduma za kidijitali' } },
];

type Texts = Record<string, { title: string; description: string }[]>;

/** Voice templates per category and language; {place} is replaced by the ward. */
export const TEMPLATES: Record<string, Texts> = {
  water: {
    en: [{ title: 'No water at the {place} kiosk since Monday', description: 'The water kiosk near the market in {place} has been dry for days. Families walk over an hour to fetch water.' },
      { title: 'Burst pipe wasting water in {place}', description: 'A pipe has burst beside the primary school in {place}. Clean water runs into the road all day.' }],
    sw: [{ title: 'Hakuna maji kwenye kioski cha {place}', description: 'Kioski cha maji karibu na soko la {place} hakina maji kwa siku kadhaa. Familia zinatembea zaidi ya saa moja kutafuta maji.' }],
    fr: [{ title: 'Pas d\'eau à la borne fontaine de {place}', description: 'La borne fontaine près du marché de {place} est à sec depuis plusieurs jours. Les familles marchent plus d\'une heure pour chercher de l\'eau.' }],
    ar: [{ title: 'انقطاع المياه في حي {place}', description: 'لا توجد مياه في نقطة التوزيع قرب سوق {place} منذ أيام. تمشي العائلات أكثر من ساعة لجلب الماء.' }],
  },
  sanitation: {
    en: [{ title: 'Blocked drain floods homes in {place}', description: 'When it rains the blocked drain on the main street of {place} floods our homes with dirty water.' }],
    sw: [{ title: 'Mtaro ulioziba {place}', description: 'Mvua ikinyesha, mtaro ulioziba katika barabara kuu ya {place} unafurika nyumba zetu kwa maji machafu.' }],
    fr: [{ title: 'Caniveau bouché à {place}', description: 'Quand il pleut, le caniveau bouché de la rue principale de {place} inonde nos maisons d\'eaux usées.' }],
    ar: [{ title: 'مجرى صرف مسدود في {place}', description: 'عندما تمطر يغمر مجرى الصرف المسدود في الشارع الرئيسي في {place} بيوتنا بالمياه القذرة.' }],
  },
  roads: {
    en: [{ title: 'Deep potholes on the road to {place} market', description: 'Boda bodas and matatus swerve around deep potholes on the way to the market in {place}. Two accidents this month.' }],
    sw: [{ title: 'Mashimo barabarani {place}', description: 'Barabara ya kwenda soko la {place} ina mashimo makubwa. Ajali mbili mwezi huu.' }],
    fr: [{ title: 'Nids-de-poule sur la route de {place}', description: 'La route vers le marché de {place} est pleine de nids-de-poule profonds. Deux accidents ce mois-ci.' }],
    ar: [{ title: 'حفر عميقة في طريق {place}', description: 'الطريق إلى سوق {place} مليء بالحفر العميقة. وقع حادثان هذا الشهر.' }],
  },
  waste: {
    en: [{ title: 'Rubbish not collected for three weeks in {place}', description: 'The skip at the corner in {place} overflows. Children play next to it and it smells.' }],
    sw: [{ title: 'Taka hazijakusanywa {place}', description: 'Taka hazijakusanywa kwa wiki tatu katika {place}. Watoto wanacheza karibu na rundo la taka.' }],
    fr: [{ title: 'Ordures non ramassées à {place}', description: 'Les ordures ne sont plus ramassées depuis trois semaines à {place}. Les enfants jouent à côté.' }],
    ar: [{ title: 'النفايات لم تُجمع في {place}', description: 'لم تُجمع النفايات منذ ثلاثة أسابيع في {place}. يلعب الأطفال بجانبها.' }],
  },
  lighting: {
    en: [{ title: 'Street lights out along the {place} footpath', description: 'The path women take home from the market in {place} is dark after seven. We do not feel safe.' }],
    sw: [{ title: 'Taa za barabarani zimezimika {place}', description: 'Njia ambayo wanawake hutumia kutoka sokoni {place} ni giza baada ya saa moja jioni.' }],
    fr: [{ title: 'Lampadaires éteints à {place}', description: 'Le chemin du marché de {place} est sombre dès dix-neuf heures. Les femmes ne s\'y sentent pas en sécurité.' }],
    ar: [{ title: 'أعمدة الإنارة مطفأة في {place}', description: 'الطريق من السوق في {place} مظلم بعد السابعة مساءً. لا تشعر النساء بالأمان.' }],
  },
  safety: {
    en: [{ title: 'Unsafe crossing by the {place} school', description: 'There is no crossing or speed bump by the school in {place}. Children cross between fast cars.' }],
    fr: [{ title: 'Traversée dangereuse près de l\'école de {place}', description: 'Il n\'y a ni passage piéton ni ralentisseur devant l\'école de {place}.' }],
    ar: [{ title: 'عبور خطير قرب مدرسة {place}', description: 'لا يوجد ممر مشاة أو مطب قرب المدرسة في {place}. يعبر الأطفال بين السيارات المسرعة.' }],
  },
  health: {
    en: [{ title: 'Clinic in {place} has no ramp', description: 'People who use wheelchairs cannot enter the health centre in {place}. There is only a staircase.' }],
    sw: [{ title: 'Zahanati ya {place} haina njia panda', description: 'Watu wanaotumia viti vya magurudumu hawawezi kuingia zahanati ya {place}.' }],
    fr: [{ title: 'Pas de rampe au centre de santé de {place}', description: 'Les personnes en fauteuil roulant ne peuvent pas entrer au centre de santé de {place}.' }],
  },
  digital: {
    en: [{ title: 'No public Wi-Fi or internet point in {place}', description: 'Young people in {place} have nowhere to apply for jobs online. A library with internet would help.' }],
    fr: [{ title: 'Aucun point d\'accès internet à {place}', description: 'Les jeunes de {place} n\'ont aucun endroit pour postuler en ligne. Un espace numérique aiderait.' }],
    ar: [{ title: 'لا توجد نقطة إنترنت عامة في {place}', description: 'لا يجد الشباب في {place} مكانًا للتقدم إلى الوظائف عبر الإنترنت.' }],
  },
};

export const PRIORITIES: Record<string, { title: string; description: string; category: string }[]> = {
  kisumu: [
    { title: 'Safe water within 15 minutes of every home', description: 'Residents across the wards ask for reliable water kiosks close to home.', category: 'water' },
    { title: 'Lit, safe routes home', description: 'Street lighting on the routes women and children walk after dark.', category: 'lighting' },
    { title: 'Roads without potholes to the markets', description: 'Repair the roads traders and boda bodas use every day.', category: 'roads' },
  ],
  'saint-louis': [
    { title: 'Des quartiers propres', description: 'Une collecte régulière des déchets dans tous les quartiers.', category: 'waste' },
    { title: 'L\'eau potable pour tous', description: 'Des bornes fontaines qui fonctionnent, près de chez soi.', category: 'water' },
    { title: 'Des rues sûres pour les enfants', description: 'Passages piétons et ralentisseurs devant les écoles.', category: 'safety' },
  ],
};

export const REPLIES: Record<string, string> = {
  en: 'Thank you. A team from the county will visit this week.',
  sw: 'Asante. Timu ya kaunti itatembelea wiki hii.',
  fr: 'Merci. Une équipe de la mairie passera cette semaine.',
  ar: 'شكرًا لكم. سيزور فريق من البلدية الموقع هذا الأسبوع.',
};

/** Age bands' shares of a young city's residents, roughly as African censuses count them. */
const AGE_WEIGHTS: Record<string, number> = { 'under-18': 0.47, '18-24': 0.14, '25-34': 0.15, '35-49': 0.13, '50-64': 0.07, '65-plus': 0.04 };

/** A made-up but plausible population file for the demo's wards (`area,sex,age_band,people`). */
export function demoPopulationCsv(wards: readonly string[]): string {
  const rows = wards.flatMap((ward, w) => ['female', 'male'].flatMap((sex) => Object.entries(AGE_WEIGHTS).map(([band, weight]) => {
    const wardPeople = 42_000 + w * 9_500;
    const people = Math.round(wardPeople * weight * (sex === 'female' ? 0.51 : 0.49));
    return `${ward.toLowerCase().replace(/\s+/g, '-')},${sex},${band},${people}`;
  })));
  return ['area,sex,age_band,people', ...rows].join('\n');
}
