// The gateways texts can arrive through, by the name in their callback address.
import type { TextGateway } from '../gateway.ts';
import { africasTalking } from './africas-talking.ts';
import { twilio } from './twilio.ts';
import { whatsapp } from './whatsapp.ts';

export const GATEWAYS: ReadonlyMap<string, TextGateway> = new Map([africasTalking, twilio, whatsapp].map((g) => [g.name, g]));
export { sendToLog } from './log.ts';
export { twilioSignature } from './twilio.ts';
export { whatsappSignature } from './whatsapp.ts';
