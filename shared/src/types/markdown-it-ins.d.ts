declare module 'markdown-it-ins' {
  import type { PluginSimple } from 'markdown-it';

  /** `++text++` → `<ins>` tokens (`ins_open` / `ins_close`). */
  const markdownItIns: PluginSimple;
  export default markdownItIns;
}
