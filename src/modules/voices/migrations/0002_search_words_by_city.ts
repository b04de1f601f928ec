// Search words are stored keyed by city. A GIN index over (tenant, words) answers "pothole and
// clinic in this city" by intersecting the city's whole list of voices with every city's
// voices holding each word, so its cost grows with the whole platform. Keyed by city, each
// word's list holds that city's voices only.
//
// The key is the last eight hex digits of the tenant id, put in front of every lexeme of the
// vector and of the query, with positions and weights untouched: a keyed vector matches a
// keyed query exactly when the plain ones match, phrases and prefixes included. Two cities
// sharing a key only share lists; queries also filter on tenant_id. The rewrite works on the
// text form of tsvector and tsquery, where every lexeme is one single-quoted literal (inner
// quotes doubled) and no quote appears outside one, so the pattern below finds each literal
// whole and leaves operators, positions and weights alone.
export default {
  id: 'voices/0002_search_words_by_city',
  sql: `
create function voices_city_words(tenant uuid, words tsvector) returns tsvector
  language sql immutable strict parallel safe
  as $$ select regexp_replace(words::text, '''((?:[^'']|'''')*)''', '''' || right(tenant::text, 8) || '\\1''', 'g')::tsvector $$;

create function voices_city_query(tenant uuid, query tsquery) returns tsquery
  language sql immutable strict parallel safe
  as $$ select regexp_replace(query::text, '''((?:[^'']|'''')*)''', '''' || right(tenant::text, 8) || '\\1''', 'g')::tsquery $$;

drop index voices_voice_search;
alter table voices_voice drop column search;
alter table voices_voice add column search tsvector generated always as (voices_city_words(tenant_id,
  setweight(to_tsvector('simple'::regconfig, title), 'A') || setweight(to_tsvector('simple'::regconfig, description), 'B')
)) stored;
-- No pending list: with one, a burst of submissions leaves thousands of unmerged entries that
-- every search scans until they are merged, which made the worst-case search two to three
-- times slower after each burst. Writing each voice's words straight into the index costs
-- grouped submissions a few per cent.
create index voices_voice_search on voices_voice using gin (search) with (fastupdate = off);
`,
};
