export { type BrowserPage, startBrowserPage } from './browser-page.js';
export { chromiumArgs, chromiumPath } from './chromium.js';
export { type GodotEvent, type GodotEventMatch, GodotOutput } from './godot-output.js';
export { Godot4Browser, type Godot4BrowserOptions, startGodot4Browser } from './godot4-browser.js';
export { Godot4Client } from './godot4-client.js';
export {
  GODOT4_ENGINE_PACKAGE,
  GODOT4_ENGINE_SHA256,
  type Godot4Engine,
  godot4EngineDir,
  loadGodot4Engine,
  readGodot4Engine,
} from './godot4-engine.js';
export { GODOT4_EXIT_LINE, GODOT4_START_FAILED_LINE, godot4PageHtml } from './godot4-page.js';
export { GODOT4_SHARED_DIR, godot4ProjectsDir, packGodot4Project, readTree } from './godot4-project.js';
export {
  type Godot4Args,
  type Godot4StaticServer,
  type Godot4StaticServerOptions,
  startGodot4StaticServer,
} from './godot4-static-server.js';
export {
  GODOT_4_6,
  PACK_REL_FILEBASE,
  PCK_ALIGNMENT,
  PCK_FORMAT_VERSION,
  PCK_HEADER_SIZE,
  type PckFile,
  type PckVersion,
  writePck,
} from './pck-writer.js';
