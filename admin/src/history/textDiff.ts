/**
 * A readable difference between two texts: runs of removed and added words, the rest kept.
 * Words for scripts written with spaces; one character at a time for Chinese, Japanese and
 * Korean, which are written without them (平和条約の枠組み → only the changed characters show).
 */
export type DiffPart = { kind: 'same' | 'removed' | 'added'; text: string };

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const TOKEN = new RegExp(`[${CJK}]|[^\\s${CJK}]+|\\s+`, 'gu');

/** Beyond this many cells of the comparison table, the changed middle is shown as one removal and one addition. */
const MAX_TABLE_CELLS = 400_000;

const tokens = (text: string) => text.match(TOKEN) ?? [];

/** Longest common subsequence of two token lists, as same/removed/added steps. */
function lcsSteps(a: string[], b: string[]): DiffPart[] {
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j] ? lengths[(i + 1) * width + j + 1] + 1 : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const steps: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      steps.push({ kind: 'same', text: a[i] });
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
      steps.push({ kind: 'removed', text: a[i++] });
    } else {
      steps.push({ kind: 'added', text: b[j++] });
    }
  }
  while (i < a.length) steps.push({ kind: 'removed', text: a[i++] });
  while (j < b.length) steps.push({ kind: 'added', text: b[j++] });
  return steps;
}

/**
 * Joins the steps into runs a reader can follow: a lone space kept between two changes is made
 * part of them (so "old phrase" is struck through as one, and "new phrase" highlighted as one),
 * and within each changed stretch the removal comes before the addition.
 */
function readableRuns(steps: DiffPart[]): DiffPart[] {
  const runs: DiffPart[] = [];
  let removed = '';
  let added = '';
  const pushSame = (text: string) => {
    const last = runs.at(-1);
    if (last?.kind === 'same') last.text += text;
    else runs.push({ kind: 'same', text });
  };
  const flush = () => {
    // A side that is only the spaces taken in between was not really changed.
    const onlySpace = (text: string) => text !== '' && text.trim() === '';
    if (onlySpace(removed) && onlySpace(added)) pushSame(added);
    else {
      if (removed && !onlySpace(removed)) runs.push({ kind: 'removed', text: removed });
      if (added && !onlySpace(added)) runs.push({ kind: 'added', text: added });
      if (onlySpace(removed) || onlySpace(added)) pushSame(onlySpace(added) ? added : removed);
    }
    removed = '';
    added = '';
  };
  steps.forEach((step, index) => {
    const changing = removed || added;
    const nextChanges = steps[index + 1] && steps[index + 1].kind !== 'same';
    if (step.kind === 'same' && changing && nextChanges && /^\s+$/.test(step.text)) {
      removed += step.text;
      added += step.text;
    } else if (step.kind === 'removed') removed += step.text;
    else if (step.kind === 'added') added += step.text;
    else {
      flush();
      pushSame(step.text);
    }
  });
  flush();
  return runs;
}

export function diffText(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  // The common start and end need no table: most edits touch a few words of a long text.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  const middle =
    (middleA.length + 1) * (middleB.length + 1) > MAX_TABLE_CELLS
      ? [
          { kind: 'removed' as const, text: middleA.join('') },
          { kind: 'added' as const, text: middleB.join('') },
        ]
      : lcsSteps(middleA, middleB);
  const parts: DiffPart[] = [{ kind: 'same', text: a.slice(0, start).join('') }, ...middle, { kind: 'same', text: a.slice(endA).join('') }];
  return readableRuns(parts.filter((part) => part.text !== ''));
}
