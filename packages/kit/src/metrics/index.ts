export * from './endpoint.js';
export * from './registry.js';
export * from './request-plugin.js';
