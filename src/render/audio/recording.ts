import fs from 'node:fs';
import path from 'node:path';
import { DeckError } from '../../deck/errors.js';
import type { Deck, Diagnostic } from '../../deck/model.js';
import { TalkreelError } from '../../errors.js';
import { planTimeline, type PlanOverrides, type Timeline } from '../../timing/plan.js';
import { checkStarts, deckStarts, parseTimings, type StartTime } from '../../timing/starts.js';
import { probeRecording, type Recording } from './audio.js';

export interface RecordingOptions {
  /** The speaker's recording (`--audio`); else the deck's `audio:`, relative to the deck. */
  audio?: string;
  /** A timings file (`--timings`): one start time per slide per line; else the deck's `at:` options. */
  timings?: string;
}

export interface RecordedPlan {
  /** The deck with its recorded timings (`recording`), as the compositions must see it. */
  deck: Deck;
  timeline: Timeline;
  /** The recording to mux (its absolute path and what ffprobe says of it), or null. */
  audio: Recording | null;
  diagnostics: Diagnostic[];
}

/**
 * The talk's timeline, fitted to the speaker's recording when there is one: slides start at the
 * recorded times (a timings file or `at:` options) and the last holds until the recording ends.
 * Every problem names its file and line; any error throws a DeckError listing them all.
 */
export function planRecorded(deck: Deck, deckPath: string, selected: boolean, options: RecordingOptions, overrides: PlanOverrides): RecordedPlan {
  const fromDeck = deck.options.audio !== undefined && !options.audio;
  const audioRef = options.audio ?? (deck.options.audio !== undefined ? path.resolve(path.dirname(deckPath), deck.options.audio) : undefined);
  const deckAt = { file: deck.file, line: deck.options.audioLine ?? 1 };
  const timingsGiven = options.timings !== undefined || deck.slides.some((s) => s.at !== undefined);
  if (selected && (audioRef || timingsGiven)) {
    // A few slides cannot follow a recording of the whole talk: they get their own durations.
    const note: Diagnostic = { severity: 'warning', code: 'recording-ignored', message: '--slides: the recording and recorded timings cover the whole talk, so this render of some slides uses neither', file: deck.file, line: 1, column: 1 };
    return { deck, timeline: planTimeline(deck, overrides), audio: null, diagnostics: [note] };
  }

  const diagnostics: Diagnostic[] = [];
  let audio: Recording | null = null;
  let audioSeconds: number | null = null;
  if (audioRef) {
    const file = path.resolve(audioRef);
    const fail = (code: string, message: string) => {
      if (fromDeck) throw new DeckError([{ severity: 'error', code, message, ...deckAt, column: 1 }]);
      throw new TalkreelError(code, `--audio ${audioRef}: ${message}`);
    };
    if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) fail('audio-missing', `no such audio file ${path.relative(process.cwd(), file) || file}`);
    audio = probeRecording(file);
    if (audio === null) fail('audio-invalid', `${path.basename(file)} has no audio stream ffmpeg can read`);
    audioSeconds = audio?.seconds ?? null;
  }

  let starts: StartTime[] | null = null;
  if (options.timings !== undefined) {
    const file = path.resolve(options.timings);
    const shown = path.relative(process.cwd(), file) || file;
    if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) throw new TalkreelError('timings-missing', `--timings ${options.timings}: no such file`);
    const parsed = parseTimings(fs.readFileSync(file, 'utf8'), shown);
    diagnostics.push(...parsed.diagnostics);
    starts = parsed.starts;
  } else {
    const fromAt = deckStarts(deck);
    diagnostics.push(...fromAt.diagnostics);
    starts = fromAt.starts;
  }
  const fps = overrides.fps ?? deck.options.fps;
  if (starts && diagnostics.length === 0) {
    diagnostics.push(...checkStarts(starts, deck.slides.length, fps, audioSeconds, { file: options.timings ?? deck.file, line: 1 }));
  }
  if (diagnostics.some((d) => d.severity === 'error')) throw new DeckError(diagnostics);

  const recording = { ...(starts ? { starts: starts.map((s) => s.seconds) } : {}), ...(audioSeconds !== null ? { endSeconds: audioSeconds } : {}) };
  const timed: Deck = Object.keys(recording).length > 0 ? { ...deck, recording } : deck;
  const timeline = planTimeline(timed, overrides);
  if (audioSeconds !== null && !starts) {
    const natural = planTimeline(deck, overrides);
    if (natural.durationInFrames > Math.round(audioSeconds * fps)) {
      const message = `the slides last ${(natural.durationInFrames / fps).toFixed(1)} s but the recording ${audioSeconds.toFixed(1)} s: give recorded timings (\`at:\` or --timings) or shorter durations`;
      if (fromDeck) throw new DeckError([{ severity: 'error', code: 'audio-too-short', message, ...deckAt, column: 1 }]);
      throw new TalkreelError('audio-too-short', `--audio ${audioRef}: ${message}`);
    }
  }
  return { deck: timed, timeline, audio, diagnostics };
}
