// Minimal glob matching for exclude settings (`**`, `*`, `?`, `{a,b}`), as VS Code's
// `files.exclude` patterns use them. Paths are matched relative to the workspace folder.
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close === -1) re += '\\{';
      else {
        re += `(?:${glob.slice(i + 1, close).split(',').map((part) => part.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')).join('|')})`;
        i = close;
      }
    } else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export function createExcludeMatcher(patterns: readonly string[]): (relativePath: string) => boolean {
  const regexps = patterns.map(globToRegExp);
  return (relativePath) => regexps.some((re) => re.test(relativePath) || relativePath.split('/').some((_p, i, parts) => re.test(parts.slice(0, i + 1).join('/'))));
}
