/**
 * Being at the end of one's rope, said in words that may or may not mean suicide: "I can't do
 * this anymore", "I can't take it any more". People say these about a job or a course too, so
 * they do not flag a session on their own; the engine instead asks gently and directly what the
 * client means, which is what a clinician would do with an ambiguous remark.
 */
const AT_THE_END =
  /\b(?:can't|cannot|can not|don't think i can) (?:do this|do it|take (?:this|it)|handle (?:this|it)|cope|bear (?:this|it)|keep doing this) (?:anymore|any more|much longer)\b|\b(?:i give up|i've given up|i have given up|i'm giving up) on (?:everything|life|myself)\b|\bwhat(?:'s| is) the point (?:anymore|any more)\b/i

/**
 * Whether a message says the client cannot go on in words that are not plainly about suicide,
 * so the reply should check how they are, and never restate it or answer it with homework.
 *
 * @example voicesDespair("I can't do this anymore.") // true
 * @example voicesDespair("I can't do this puzzle") // false
 */
export function voicesDespair(text: string): boolean {
  return AT_THE_END.test(text.replace(/[\u2018\u2019]/g, "'"))
}
