declare module 'webvtt-parser' {
  interface ParsedCue {
    startTime: number;
    endTime: number;
    text: string;
  }
  const webvtt: {
    WebVTTParser: new () => {
      parse(text: string, mode: 'subtitles' | 'metadata'): { cues: ParsedCue[]; errors: { message: string; line: number; col: number }[] };
    };
  };
  export default webvtt;
}
