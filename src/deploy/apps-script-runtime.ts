// What the Apps Script V8 runtime offers a script at top level: ECMAScript built-ins plus Google's
// services. Anything else a bundle names as a free identifier (URL, setTimeout, Buffer…) is absent
// there and throws a ReferenceError at the first call.

/**
 * ECMAScript globals (ES2021 + Intl, which Apps Script V8 supports:
 * https://developers.google.com/apps-script/guides/v8-runtime). Web and Node APIs are deliberately
 * absent: https://developers.google.com/apps-script/guides/v8-runtime#unsupported_features
 */
export const ECMASCRIPT_GLOBALS: readonly string[] = [
  'globalThis', 'undefined', 'NaN', 'Infinity',
  'Object', 'Function', 'Array', 'Number', 'Boolean', 'String', 'Symbol', 'BigInt', 'Date', 'RegExp', 'Math', 'JSON', 'Reflect', 'Proxy', 'Promise',
  'Error', 'AggregateError', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError',
  'Map', 'Set', 'WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry',
  'ArrayBuffer', 'DataView', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
  'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
  'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'encodeURI', 'encodeURIComponent', 'decodeURI', 'decodeURIComponent', 'escape', 'unescape', 'eval',
  'Intl',
];

/**
 * Google's built-in services a script can name without enabling anything
 * (https://developers.google.com/apps-script/reference), plus `console` and `Logger`.
 * Advanced services (BigQuery, Drive…) exist only when the manifest enables them.
 */
export const APPS_SCRIPT_SERVICES: readonly string[] = [
  'SpreadsheetApp', 'DocumentApp', 'SlidesApp', 'FormApp', 'DriveApp', 'GmailApp', 'MailApp', 'CalendarApp', 'ContactsApp',
  'UrlFetchApp', 'ScriptApp', 'Session', 'PropertiesService', 'LockService', 'CacheService', 'Utilities', 'HtmlService',
  'ContentService', 'Charts', 'Jdbc', 'XmlService', 'Browser', 'Maps', 'LanguageApp', 'GroupsApp', 'CardService', 'DataStudioApp',
  'Logger', 'console',
];

/** Names a Node or browser bundle often relies on that Apps Script lacks: the usual suspects, for messages. */
export const KNOWN_MISSING: readonly string[] = [
  'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate',
  'queueMicrotask', 'structuredClone', 'fetch', 'atob', 'btoa', 'crypto', 'performance', 'Buffer', 'process', 'require', 'module',
  'exports', '__dirname', '__filename', 'global', 'window', 'self', 'document', 'navigator', 'WebAssembly', 'SharedArrayBuffer', 'Atomics',
];
