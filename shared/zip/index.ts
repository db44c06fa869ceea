/** Reading untrusted zips with limits (zip.ts), safe entry names (names.ts), SHA-256 fed in pieces (sha256.ts). */
export * from './zip';
export * from './names';
export * from './sha256';
export * from './limits';
