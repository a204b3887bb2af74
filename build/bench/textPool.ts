import {searchFieldsForComment, searchFieldsForTask} from '../../server-bridge/src/storage/taskSearch';
import {plantedNeedles} from '../fixtures/needles';
import {integerBelow, type Random, randomStream} from '../fixtures/random';
import {languageKits, languages} from '../fixtures/vocabulary';

// The texts the benchmark's tasks and comments are drawn from: a few thousand
// titles, descriptions and comments per language from the fixtures' word
// lists, with the search columns computed once each by the app's own
// functions (searchFieldsForTask, searchFieldsForComment). A million tasks then reuse
// them (set-based SQL picks one per task), so loading needs no per-row
// JavaScript. Term frequencies are those of the word lists either way.
//
// Two search terms are planted at known counts: a rare one (in titles) and a
// two-character CJK one (a single bigram, in descriptions). The word lists
// never contain them (fixtures/needles.ts keeps them out), so their hits are
// exactly the tasks given a needle document.

export interface PoolDocument {
  title: string;
  description: string;
  searchTerms: string[];
  searchText: string;
}

export interface PoolComment {
  body: string;
  searchTerms: string[];
  searchText: string;
}

export interface SearchProbe {
  query: string;
  /** In how many tasks of a dataset of this many tasks. */
  plantedIn(tasks: number): number;
}

const rareNeedle = plantedNeedles.find((needle) => needle.name === 'rareJapaneseTitle')!;
const bigramNeedle = plantedNeedles.find((needle) => needle.name === 'cjkBigram')!;

/** 50 tasks in a million (at least 3): a term a person looks for by name. */
export const rareTerm: SearchProbe = {query: rareNeedle.query, plantedIn: (tasks) => Math.max(3, Math.round(tasks * 0.00005))};
/** 1% of tasks: a two-character CJK query is one bigram, and a common one. */
export const cjkPairTerm: SearchProbe = {query: bigramNeedle.query, plantedIn: (tasks) => Math.max(1, Math.round(tasks * 0.01))};

export interface TextPool {
  /** Ordinary documents first, then `rareVariants` rare-term ones, then `pairVariants` CJK-pair ones. */
  documents: PoolDocument[];
  regular: number;
  rareVariants: number;
  pairVariants: number;
  comments: PoolComment[];
}

function description(random: Random, language: (typeof languages)[number]): string {
  const kit = languageKits[language];
  if (random() < 0.15) return '';
  return Array.from({length: 1 + integerBelow(random, 3)}, () => kit.sentence(random)).join(kit.sentenceJoiner);
}

function poolDocument(title: string, body: string): PoolDocument {
  const fields = searchFieldsForTask({title, description: body, case_id: null});
  return {title, description: body, searchTerms: fields.search_terms, searchText: fields.search_text};
}

export function buildTextPool(size = {documents: 8192, comments: 8192, needleVariants: 16}, seed = 1): TextPool {
  const random = randomStream(seed, 'bench-text');
  const documents: PoolDocument[] = [];
  for (let index = 0; index < size.documents; index += 1) {
    const language = languages[index % languages.length]!;
    documents.push(poolDocument(languageKits[language].title(random, null), description(random, language)));
  }
  for (let index = 0; index < size.needleVariants; index += 1) documents.push(poolDocument(rareNeedle.text(random), description(random, 'ja')));
  for (let index = 0; index < size.needleVariants; index += 1) {
    const kit = languageKits.ja;
    const body = description(random, 'ja');
    documents.push(poolDocument(kit.title(random, null), body ? `${body}${kit.sentenceJoiner}${bigramNeedle.text(random)}` : bigramNeedle.text(random)));
  }
  const comments = Array.from({length: size.comments}, (_, index): PoolComment => {
    const body = languageKits[languages[index % languages.length]!].comment(random);
    const fields = searchFieldsForComment({body});
    return {body, searchTerms: fields.search_terms, searchText: fields.search_text};
  });
  return {documents, regular: size.documents, rareVariants: size.needleVariants, pairVariants: size.needleVariants, comments};
}
