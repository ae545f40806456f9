import v8 from 'node:v8';
import vm from 'node:vm';

/** `global.gc`, without asking for `--expose-gc` on the command line. */
export function exposeGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}
