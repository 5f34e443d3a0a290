// The `times` layer: time expressions resolved against the publication date (src/time).
import type { Mention, Stage } from '../stage.js';
import { resolveTimes } from '../../time/resolve-times.js';
import { sentenceIndexAt } from '../../time/time-for-span.js';

const times: Stage = {
  name: 'times',
  requires: ['sentences'],
  run({ document, layers }) {
    const sentences = layers.sentences;
    const found = resolveTimes(document.text, document.published, sentences);
    const mentions: Mention[] = found.flatMap((t) => t.mentions.map((m) => ({
      ...m, type: 'date' as const, via: 'pattern' as const,
      sentence: sentences ? Math.max(0, sentenceIndexAt(sentences, m.start)) : 0,
    })));
    return { times: found, mentions };
  },
};

export default times;
