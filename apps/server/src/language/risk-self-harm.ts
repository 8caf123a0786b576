import { CLAUSE_ENDS, INTENT, ME, PEOPLE, PILLS, type RiskPattern } from './risk-pattern.js'

function selfHarm(pattern: RegExp, exceptions: Omit<RiskPattern, 'category' | 'pattern'> = {}) {
  return { category: 'self_harm', pattern, ...exceptions } satisfies RiskPattern
}

/** Hyperbole after "killed myself" or "want to die": effort and embarrassment, not danger. */
const EFFORT_OR_EMBARRASSMENT =
  /^ (?:laughing|working|studying|training|running|at the gym|on the treadmill|of (?:embarrassment|shame|boredom|laughter|cringe)|from (?:embarrassment|shame|boredom))\b/

/** Everyday reasons to be away: "I won't be here tomorrow, I'm on holiday". */
const BEING_AWAY =
  /\b(?:holiday|holidays|vacation|travel\w*|trip|flight|flying|visiting|appointment|session|meeting|class|lesson|shift|conference|wedding|out of town|for work|at work|business|moving house|on leave|away (?:for|on|at))\b/

/** Harmless reasons to buy or tie a rope. */
const ROPE_HOBBIES =
  /\b(?:climb\w*|camping|tent|boat|sail\w*|skipping|jump rope|swing|tow\w*|washing line|knots?|crafts?|macrame|hammock|gym|tug|garden\w*|hik\w*|dog|horse|pulley|plants?|tomato\w*|tie (?:up|down)|luggage|fence|load)\b/

/** Cuts and burns that are plainly accidents. */
const ACCIDENT = /\b(?:accident|accidentally|by mistake|shaving|cooking|chopping|slipped)\b/

/** Stepping into traffic without meaning to. */
const NEAR_MISS = /\b(?:accident\w*|by mistake|nearly|almost|didn't see|wasn't looking)\b/

/** Everyday reasons to give things away. */
const CLEARING_OUT =
  /\b(?:moving|move|charity|declutter\w*|sale|donat\w*|downsiz\w*|clear(?:ing)? out|spring clean\w*)\b/

/** What people give away when they do not expect to need it again. */
const BELONGINGS =
  '(?:(?:favourite |favorite |special |most precious |precious )?(?:things|stuff|belongings|possessions|clothes|books|games|records|jewellery|jewelry|guitar|collection))'

/**
 * Self-harm and suicide, said plainly, indirectly, or as preparation. Figures of speech name no
 * self ("this exam is killing me", "dead tired"), so they stay unmatched; the exceptions on a
 * pattern cover the hyperbole and everyday uses that share its words.
 */
export const SELF_HARM_PATTERNS: RiskPattern[] = [
  // Killing oneself, said plainly or in chat shorthand.
  selfHarm(new RegExp(`\\bkill?(?:ing|ed)? ${ME}\\b`), {
    unlessFollowedBy: EFFORT_OR_EMBARRASSMENT,
  }),
  selfHarm(/\bkms\b/, {
    // "5 kms", "a few kms": kilometres.
    unlessPrecededBy: /(?:\d|few|many|several|some|hundred|thousand|of|the) $/,
    unlessFollowedBy: /^ (?:away|from|to|per|an hour|a day|of|run|walk|long|further)\b/,
  }),
  selfHarm(/\bunaliv(?:e|ed|ing)\b/, { unlessFollowedBy: new RegExp(`^ ${PEOPLE}\\b`) }),
  selfHarm(/\b(?:end|ending|ended|take|taking|took) my (?:own )?life\b/, {
    unlessFollowedBy:
      /^ (?:back|in (?:hand|my (?:own )?hands)|into my (?:own )?hands|seriously|forward)\b/,
  }),
  selfHarm(/\bsuicid(?:e|al|ally)\b/),
  selfHarm(/\b(?:end|ending) (?:it all|everything|my existence)\b/),
  // "End it" alone is also how people end relationships and contracts.
  selfHarm(
    /\b(?:i'll|i will|going to|want to|ready to|decided to|planning to|night i|day i|time to) end it\b/,
    {
      unlessFollowedBy: /^ (?:with|between|for (?:him|her|them|us))\b/,
      unlessSaid:
        /\b(?:relationship|him|her|boyfriend|girlfriend|partner|husband|wife|marriage|friendship|contract|lease|job|call|meeting|conversation|chat|game|argument|fight|subscription)\b/,
    },
  ),
  selfHarm(/\b(?:self harm(?:ing)?|selfharm(?:ing)?|self injur\w*)\b/),

  // Wishing to die or not to exist.
  selfHarm(
    /\b(?:want|wanted|wanting|wants|ready|deserve|deserved) to (?:die|be dead|not exist|stop existing|disappear forever|not be alive)\b/,
    { unlessFollowedBy: EFFORT_OR_EMBARRASSMENT },
  ),
  selfHarm(/\bwish (?:i|i'd) (?:was|were|had) (?:dead|never been born)\b/),
  selfHarm(/\bwish i (?:was|were) never born\b/),
  selfHarm(/\bwish(?:ed|ing)? to (?:die|be dead)\b/),
  selfHarm(
    /\bwish i (?:had|would have|could have|'d) (?:just )?(?:died|been killed|not survived|never woken up)\b/,
  ),
  selfHarm(
    /\b(?:hope|hoping|pray|praying|wish) (?:that )?i (?:just )?(?:die|drop dead|get hit by a (?:car|bus|train|truck|lorry)|don't survive|never come back)\b/,
  ),
  selfHarm(/\bi should (?:just )?die\b/),
  selfHarm(/\b(?:die|dying|died) on purpose\b/),
  selfHarm(
    /\b(?:wish i could|want to|wanna|going to|i'll|i will|i could|i should) (?:just )?(?:disappear|vanish) (?:forever|for good|permanently)\b/,
  ),
  selfHarm(/\bwant (?:it all|everything|my life) to (?:end|be over)\b/),
  selfHarm(
    /\bwant (?:it all|everything|it|the pain) to (?:stop|end) (?:permanently|forever|for good)\b/,
  ),
  selfHarm(/\b(?:want out of|want to leave|leave|leaving) (?:this life|this world|life)\b/, {
    unlessFollowedBy: /^ (?:behind|for a while|for a bit)\b/,
  }),
  selfHarm(/\b(?:better off|rather be) dead\b/),
  selfHarm(/\bwant (?:someone|somebody|anyone|you|god) to kill me\b/),
  selfHarm(/\b(?:ways?|methods?|how) to (?:die|end it|end my life)\b/, {
    unlessFollowedBy: /^ (?:in (?:the )?(?:game|minecraft|fortnite|movie|film|book|show))\b/,
  }),

  // Not wanting to live, go on or wake up.
  selfHarm(
    /\b(?:don't|do not|didn't|no longer|never|doesn't) want to (?:be alive|exist|go on|keep living|carry on living|live anymore|live any more|be here anymore|be here any more|be around anymore)\b/,
  ),
  selfHarm(/\b(?:don't|do not|no longer) want to (?:live|be here|be around)\b/, {
    unlessFollowedBy:
      /^ (?:with|at|near|there|together|alone|without|for|next|until|when|if|like that|on (?!this earth)|in (?!this world))\b/,
  }),
  selfHarm(new RegExp(`\\b(?:don't|do not|no longer|never) want to wake up${CLAUSE_ENDS}`)),
  selfHarm(/\b(?:sleep|asleep) and (?:never|not) wake up\b/),
  selfHarm(
    new RegExp(
      `\\b(?:hope|hoping|wish|pray|praying|want) (?:that )?i (?:don't|do not|won't|will not|never|wouldn't|would not|didn't|did not|could just not|could never) wake up${CLAUSE_ENDS}`,
    ),
  ),
  selfHarm(/\bwish i could (?:just )?(?:not|never) wake up\b/),
  selfHarm(/\b(?:never|not) (?:to )?wake up again\b/),
  selfHarm(
    /\bno (?:reason|point) (?:to|in) (?:live|living|going on|be alive|being alive|staying alive|carrying on)\b/,
  ),
  selfHarm(/\bnothing (?:left )?to live for\b/),
  selfHarm(/\bnot worth (?:living|being alive|staying alive)\b|\bisn't worth living\b/),
  selfHarm(
    /\b(?:no way out|the only way out is|only way out is) (?:but |except |other than )?(?:dying|death|to die|suicide)\b/,
  ),
  selfHarm(/\bwhat(?:'s| is) the point (?:of|in) (?:living|life|being alive|going on)\b/),
  selfHarm(/\bcan't go on (?:living|like this|anymore)\b/),
  selfHarm(
    /\b(?:can't|cannot|can not) (?:live|keep living|keep going|carry on|go on) (?:like this )?(?:anymore|any more|much longer)\b/,
  ),
  selfHarm(/\b(?:tired|sick|weary) of (?:living|being alive|existing)\b/),
  selfHarm(/\bdone with (?:life|living|being alive)\b/),
  selfHarm(/\blook(?:ing)? forward to (?:dying|death|being dead)\b/),

  // Others would be better off: a common thought before an attempt.
  selfHarm(/\b(?:better off|easier|happier) without me\b/),
  selfHarm(
    /\bbetter off if i (?:was gone|were gone|was dead|were dead|was not here|were not here|wasn't here|weren't here|wasn't around|weren't around|died|disappeared|didn't exist|never existed)\b/,
  ),
  selfHarm(
    /\b(?:nobody|no one|noone) (?:would|will|'d) (?:miss me|notice|care|even notice) if i (?:died|was gone|were gone|disappeared|wasn't here|wasn't around|killed myself)\b|\b(?:nobody|no one|noone) would (?:even )?miss me\b/,
  ),

  // Not being here soon, and saying goodbye.
  selfHarm(
    /\b(?:might|may|will|probably) not be (?:here|around|alive) (?:tomorrow|tonight|much longer|for much longer|next week|by (?:tomorrow|morning|then|the weekend))\b/,
    { unlessSaid: BEING_AWAY },
  ),
  selfHarm(
    /\b(?:won't|will not) be (?:here|around|alive) (?:tomorrow|tonight|much longer|for much longer|anymore|any more|next week|by (?:tomorrow|morning|then|the weekend))\b/,
    { unlessSaid: BEING_AWAY },
  ),
  selfHarm(
    /\b(?:suicide|goodbye|farewell) (?:letter|letters|note|notes|message|messages|video|videos|post|posts|email|emails|text|texts)\b/,
  ),
  selfHarm(
    /\bwr(?:ote|ite|iting|itten) (?:a |my |some )?(?:last|final) (?:letters?|notes?|words)\b/,
  ),
  selfHarm(/\b(?:letters?|notes?|messages?|videos?) to say (?:goodbye|my goodbyes)\b/),
  selfHarm(/\b(?:this is|consider this) (?:my )?(?:final |last )?goodbye\b/),
  selfHarm(/\b(?:said|say|saying) my (?:final|last) goodbyes?\b/, {
    unlessSaid: /\b(?:funeral|vet|grave|airport|station|moving|passed)\b/,
  }),
  selfHarm(
    /\blast time (?:you'll|you will|anyone will|anybody will) (?:hear from|see|talk to) me\b|\b(?:you|nobody|no one|anyone) (?:won't|will not|will never|won't ever) (?:hear from|see) me (?:again|ever again|anymore)\b/,
  ),
  // Either word order: "giving away my things", "giving my things away".
  selfHarm(
    new RegExp(
      `\\b(?:giv(?:e|es|ing|en)|gave) (?:away (?:all )?(?:of )?my ${BELONGINGS}|(?:all )?(?:of )?my ${BELONGINGS} away)\\b`,
    ),
    { unlessSaid: CLEARING_OUT },
  ),
  selfHarm(/\b(?:putting|put|getting|got) my affairs in order\b/),

  // Gathering the means.
  selfHarm(
    new RegExp(
      `\\b(?:stockpil\\w*|hoard\\w*|stash\\w*|sav(?:e|ed|ing) up|saving|collecting|hiding) (?:up )?(?:all )?(?:of )?(?:my |the |some |these |those |a lot of |lots of |enough )?${PILLS}\\b`,
    ),
  ),
  selfHarm(
    new RegExp(
      `\\b(?:all )?(?:my |the )?${PILLS} (?:are )?(?:ready|lined up|counted out|in front of me)\\b`,
    ),
    { unlessFollowedBy: /^ (?:for|to collect|at the)\b/ },
  ),
  selfHarm(
    new RegExp(
      `\\benough ${PILLS} to (?:die|kill|end it|overdose|not wake up|never wake up|do it)\\b`,
    ),
  ),
  selfHarm(
    /\b(?:bought|buy|buying|got|get|getting|have|found|tied|tie|tying|made|make|making|ordered|order) (?:a |the |some |my )?(?:rope|noose|ligature)\b/,
    { unlessSaid: ROPE_HOBBIES },
  ),

  selfHarm(
    /\b(?:razor|razors|razor blades|blades) (?:hidden|stashed|saved)\b|\b(?:hid|hiding|hidden|stash\w*) (?:the |my |some )?(?:razor|razors|razor blades|blades)\b/,
  ),

  // Overdose.
  selfHarm(
    new RegExp(
      `\\b(?:thinking of|thinking about|going to|want to|planning to|about to|tempted to|urge to) (?:take|taking|swallow|swallowing) (?:all|every one) (?:of )?(?:my|the) ${PILLS}\\b`,
    ),
  ),
  // The verb, not the noun: "I overdosed", not "a sugar overdose".
  selfHarm(
    /\b(?:overdose|od) on\b|\boverdos(?:ed|ing)\b|\bod(?:'d|ed|ing)\b|\b(?:to|i'll|will|might|could|gonna) (?:overdose|od)\b|\b(?:took|take|taking|had|have) an overdose\b/,
  ),
  selfHarm(/\b(?:lethal|fatal|deadly) (?:dose|amount|overdose)\b/),
  selfHarm(
    new RegExp(
      `\\btook (?:too many|a (?:lot|bunch|handful|load) of|loads of|all (?:my|the|of my)) ${PILLS}\\b`,
    ),
  ),
  selfHarm(
    /\b(?:take|swallow|taking|swallowing|took|swallowed) (?:a |the |my )?(?:whole|entire|full) (?:bottle|pack|packet|box|strip|blister|container|jar)\b/,
  ),
  selfHarm(
    new RegExp(
      `\\b(?:take|swallow|taking|swallowing|took|swallowed) (?:them all|all of them|all (?:of )?(?:my|the) ${PILLS}) (?:at once|in one go|together|tonight|now|at the same time)\\b`,
    ),
  ),
  selfHarm(
    /\bhow (?:many|much)\b(?: \S+){0,8} (?:to die|to kill (?:me|myself|someone|a person)|would kill (?:me|someone|a person)|to overdose|to od|to not wake up|to never wake up|(?:is|be|would be) (?:lethal|fatal|deadly))\b/,
  ),

  // Ways of doing it.
  selfHarm(new RegExp(`\\bhang(?:ing)? ${ME}\\b`)),
  selfHarm(
    new RegExp(
      `\\b(?:jump|jumping|throw ${ME}|throwing ${ME}) (?:off|from|in front of) (?:a|the|that) (?:bridge|roof|building|cliff|balcony|train|bus|car|truck|lorry|tower|window)\\b`,
    ),
  ),
  selfHarm(
    /\b(?:walk|step|run|walking|stepping|running) (?:out )?into (?:traffic|the sea|the ocean|the river|the road in front of)\b/,
    {
      unlessSaid: NEAR_MISS,
    },
  ),
  selfHarm(
    /\b(?:drive|crash|driving|crashing|steer) (?:my car |the car )?(?:off (?:a|the) (?:bridge|cliff|road)|into (?:a |the )?(?:wall|tree|river|oncoming traffic|lorry|truck))\b/,
  ),
  selfHarm(/\b(?:slit|slash|slitting|slashing|cut|cutting) (?:my )?(?:wrists?|throat|veins?)\b/),
  selfHarm(new RegExp(`\\b(?:cut|cutting|burn|burning|harm|harming) ${ME}\\b`), {
    unlessSaid: ACCIDENT,
  }),
  selfHarm(new RegExp(`\\b${INTENT} (?:hurt|hurting) ${ME}\\b`)),
  selfHarm(
    new RegExp(
      `\\b(?:hurt|hurting|harm|harming|cut|cutting|burn|burning|hit|hitting|punch|punching|starv\\w*) ${ME} on purpose\\b`,
    ),
  ),
]
