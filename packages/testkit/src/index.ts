export * from './platform.js';
export * from './seed.js';
export * from './market.js';
export * from './images.js';
export * from './mini-programs.js';
export * from './orders.js';
export * from './subscriptions.js';
export * from './postgres-cluster.js';
