import { startMinimalClient } from './minimal-client.ts';

startMinimalClient(document);
