// Turns an input's bytes into text, rejecting what is not UTF-8 text with a one-line reason.
import { WatchfloorError } from '../errors.js';
import { binaryMagic, controlByteRatio } from './sniff-format.js';

/** Above this share of control bytes the content is binary, whatever its extension says. */
const MAX_CONTROL_RATIO = 0.02;

export function decodeBytes(bytes: Uint8Array, origin: string): string {
  if (bytes.length === 0) {
    throw new WatchfloorError('EMPTY_INPUT', 'input is empty', { subject: origin });
  }
  const magic = binaryMagic(bytes);
  if (magic) {
    throw new WatchfloorError('BINARY_INPUT', `binary content (${magic}), not text`, {
      subject: origin, hint: 'convert it to text or HTML first',
    });
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new WatchfloorError('INVALID_UTF8', 'text is UTF-16, not UTF-8', {
      subject: origin, hint: 're-save the file as UTF-8',
    });
  }
  if (controlByteRatio(bytes) > MAX_CONTROL_RATIO) {
    throw new WatchfloorError('BINARY_INPUT', 'binary content (control bytes), not text', {
      subject: origin, hint: 'convert it to text or HTML first',
    });
  }
  let text: string;
  try {
    // fatal: refuse to guess; ignoreBOM false: the decoder strips a UTF-8 BOM.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new WatchfloorError('INVALID_UTF8', 'text is not valid UTF-8', {
      subject: origin, hint: 're-save the file as UTF-8', cause,
    });
  }
  if (text.trim() === '') {
    throw new WatchfloorError('EMPTY_INPUT', 'input holds only whitespace', { subject: origin });
  }
  return text;
}
