// Twitter/X's weighted length (PLATFORMS.md): after NFC normalisation, Latin and common punctuation
// weigh 1, everything else 2, and every URL 23. The same rule as service-support's TwitterText.

const URL = /https?:\/\/\S+/gi;

const light = (cp) => cp <= 0x10ff || (cp >= 0x2000 && cp <= 0x200d)
  || (cp >= 0x2010 && cp <= 0x201f) || (cp >= 0x2032 && cp <= 0x2037);

const weigh = (text) => {
  let weight = 0;
  for (const ch of text) weight += light(ch.codePointAt(0)) ? 1 : 2;
  return weight;
};

export const MAX_TWEET_WEIGHT = 280;

export function weightedLength(text) {
  const normalised = text.normalize('NFC');
  let weight = 0;
  let from = 0;
  for (const match of normalised.matchAll(URL)) {
    weight += weigh(normalised.slice(from, match.index)) + 23;
    from = match.index + match[0].length;
  }
  return weight + weigh(normalised.slice(from));
}
