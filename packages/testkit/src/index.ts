export * from './platform.js';
export * from './seed.js';
