// Every subcommand in one module, so that loading any of them is one import (the bundle then
// splits into few chunks, and each chunk costs a run its own load).
export { registerAdd } from './add.js';
export { registerCal } from './cal.js';
export { registerCompletion } from './completion.js';
export { registerConvert } from './convert.js';
export { registerDigest } from './digest.js';
export { registerImport } from './import.js';
export { registerList } from './list.js';
export { registerSearch } from './search.js';
export { registerStats } from './stats.js';
export { registerValidate } from './validate.js';
