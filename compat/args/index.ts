/** The argument layer both compat/ personalities share (see docs/bad-input.md). */
export { cDouble, cInt, cLong, cPointer, cSizeT, cString, cUint } from './c-types.js';
export { cView, holds } from './buffers.js';
export { cHandle, isFreed, markFreed } from './handles.js';
export { refuse, refuseNull, type ArgSite } from './refuse.js';
