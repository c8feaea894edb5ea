/** What the page prints (with `console.log`) when the engine exits: `[godot4] exit <code>`. */
export const GODOT4_EXIT_LINE = '[godot4] exit ';
/** What the page prints (with `console.error`) when the engine could not start. */
export const GODOT4_START_FAILED_LINE = '[godot4] startGame failed: ';

/**
 * The page that boots one Godot 4 instance, configured by its query string:
 * `?_project=<name>&key=value...`. The engine runs `<name>.pck` with
 * `['--headless', '--', 'key=value', ...]` (GDScript reads them with `OS.get_cmdline_user_args()`);
 * `_headless=0` leaves the canvas on (for a desktop browser), `_engine=--verbose,...` adds engine
 * arguments. Godot's output goes to the console line by line (`print` to `console.log`, `printerr`
 * and engine errors to `console.error`); `onExit` prints {@link GODOT4_EXIT_LINE} and the code.
 */
export const godot4PageHtml = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>wspeer Godot 4 probe</title></head>
<body>
<canvas id="canvas" width="320" height="200"></canvas>
<script src="index.js"></script>
<script>
(() => {
  const query = new URLSearchParams(location.search);
  const project = query.get('_project');
  const engineArgs = (query.get('_engine') || '').split(',').filter(Boolean);
  const canvas = document.getElementById('canvas');
  if (query.get('_headless') !== '0') {
    engineArgs.unshift('--headless');
    // Godot 4.6's web main loop asks DisplayServerWeb whether the canvas size changed, even when
    // --headless made the display server a DisplayServerHeadless (a static_cast in web_main.cpp):
    // on a change it reads a Callable from past the end of the headless object and may call
    // through garbage ("RuntimeError: null function" in the first frame). The loader's starting
    // size is 0x0; a 0x0 canvas never differs from it, so that path never runs.
    canvas.width = 0;
    canvas.height = 0;
  }
  const userArgs = [];
  for (const [key, value] of query) if (!key.startsWith('_')) userArgs.push(key + '=' + value);
  const lines = (parts) => parts.join(' ').split('\\n');
  const engine = new Engine({
    executable: 'index',
    mainPack: project + '.pck',
    args: [...engineArgs, '--', ...userArgs],
    canvas,
    canvasResizePolicy: 0,
    focusCanvas: false,
    unloadAfterInit: true,
    onPrint: (...parts) => { for (const line of lines(parts)) console.log(line); },
    onPrintError: (...parts) => { for (const line of lines(parts)) console.error(line); },
    onExit: (code) => console.log(${JSON.stringify(GODOT4_EXIT_LINE)} + code),
  });
  // Check the pack first: the loader would retry a missing one for seconds before giving up.
  fetch(project + '.pck', { cache: 'no-store' })
    .then(async (response) => {
      if (!response.ok) throw new Error(project + '.pck: HTTP ' + response.status + ' ' + (await response.text()));
      await response.arrayBuffer();
      return engine.startGame();
    })
    .catch((error) => console.error(${JSON.stringify(GODOT4_START_FAILED_LINE)} + ((error && error.stack) || error)));
})();
</script>
</body>
</html>
`;
