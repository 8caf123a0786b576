import type { RiskPattern } from './risk-pattern.js'

/**
 * A few unmistakable ways to say "I want to die", "I will kill myself" and "I will kill him"
 * in the languages clients most often write in besides English: Spanish, French, German,
 * Portuguese, Italian and Dutch. Accents are folded away before matching ("não" is "nao").
 * This is a safety net, not an understanding of these languages: everything else about a
 * message in them is read as English, that is hardly at all.
 */

/** "Dying of laughter", "dying of shame": idioms in each language that are not about death. */
const DYING_OF =
  /^ (?:de (?:risa|la risa|rire|honte|faim|verguenza|hambre|fome|rir|vergonha|tedio|ennui)|(?:vor|aus) (?:lachen|scham|langeweile)|dal ridere|di (?:fame|vergogna|noia))\b/

function selfHarm(pattern: RegExp): RiskPattern {
  return { category: 'self_harm', pattern, unlessFollowedBy: DYING_OF }
}

/** A wish said with its own language's "not" before it: "no quiero morir", "non voglio". */
function negatedBy(negation: RegExp, pattern: RegExp): RiskPattern {
  return { ...selfHarm(pattern), unlessPrecededBy: negation }
}

function harmToOthers(pattern: RegExp): RiskPattern {
  return { category: 'harm_to_others', pattern }
}

export const OTHER_LANGUAGE_PATTERNS: RiskPattern[] = [
  // Spanish
  negatedBy(
    /\bno $/,
    /\b(?:quiero|quisiera|deseo|ganas de|pienso en|pensando en) (?:morir(?:me)?|matarme|suicidarme|quitarme la vida)\b/,
  ),
  selfHarm(/\bvoy a (?:matarme|suicidarme|quitarme la vida)\b/),
  negatedBy(/\bno $/, /\bme quiero (?:morir|matar|suicidar)\b/),
  selfHarm(/\bme voy a (?:matar|suicidar|quitar la vida)\b/),
  selfHarm(/\b(?:acabar|terminar) con mi vida\b/),
  {
    category: 'self_harm',
    pattern: /\bno quiero (?:vivir|seguir viviendo)\b/,
    // "No quiero vivir con mis padres": where or how, not whether, to live.
    unlessFollowedBy: /^ (?:con|en|aqui|alli|asi|solo|sola|cerca|lejos)\b/,
  },
  selfHarm(/\b(?:mejor|preferiria estar) muert[oa]\b/),
  harmToOthers(
    /\b(?:voy a|quiero) (?:matarlo|matarla|matarte|matarlos|matarlas|apunalarlo|apunalarla)\b|\b(?:lo|la|te|los|las) voy a matar\b/,
  ),

  // French
  negatedBy(
    /\bpas $/,
    /\b(?:je veux|je voudrais|envie de|j'ai envie de) (?:mourir|me tuer|me suicider|en finir(?! avec)|me pendre)\b/,
  ),
  selfHarm(/\bje vais (?:me tuer|me suicider|en finir(?! avec)|me pendre)\b/),
  selfHarm(/\bmettre fin a (?:mes jours|ma vie)\b|\bm'oter la vie\b/),
  selfHarm(/\bje ne veux plus vivre\b|\bplus envie de vivre\b/),
  harmToOthers(/\bje (?:vais|veux) (?:le|la|les|te|vous) (?:tuer|buter|poignarder)\b/),

  // German
  selfHarm(/\bich (?:will|mochte|moechte|wurde gern|wuerde gern) (?:sterben|tot sein)\b/),
  selfHarm(/\b(?:will|mochte|moechte|kann) nicht mehr leben\b/),
  selfHarm(/\bmich (?:umbringen|toten|toeten|aufhangen|erhangen)\b|\bbringe? mich um\b/),
  selfHarm(/\bmir das leben nehmen\b|\bselbstmord\b|\bsuizid\w*\b|\blebensmude\b/),
  harmToOthers(
    /\bich (?:bringe?|werde) (?:ihn|sie|dich|euch) (?:um|umbringen|toten|toeten|abstechen)\b/,
  ),

  // Portuguese
  negatedBy(
    /\bnao $/,
    /\b(?:quero|queria) (?:morrer|me matar|me suicidar|tirar (?:a )?minha (?:propria )?vida)\b/,
  ),
  selfHarm(/\bvou (?:me matar|me suicidar|tirar (?:a )?minha (?:propria )?vida)\b/),
  selfHarm(/\bnao quero mais viver\b|\bacabar com (?:a )?minha vida\b/),
  harmToOthers(/\bvou (?:te matar|matar (?:ele|ela|voce|vc|eles|elas))\b/),

  // Italian
  negatedBy(
    /\bnon $/,
    /\b(?:voglio|vorrei|sto per) (?:morire|uccidermi|ammazzarmi|suicidarmi|farla finita|togliermi la vita)\b/,
  ),
  selfHarm(/\bnon voglio piu vivere\b/),
  harmToOthers(
    /\b(?:lo|la|ti|li) (?:ammazzo|uccido)\b|\b(?:voglio|sto per) (?:ucciderlo|ucciderla|ammazzarlo|ammazzarla|ucciderti|ammazzarti)\b/,
  ),

  // Dutch
  selfHarm(/\bik wil (?:dood|sterven|niet meer leven|zelfmoord plegen)\b/),
  selfHarm(/\bzelfmoord\b|\bmezelf (?:van kant maken|doden|ombrengen)\b/),

  // Suicide in the Romance languages: suicidio, suicidarme, se suicider.
  selfHarm(/\bsuicid(?:io|arme|arse|ar|er|erai|aire|armi|ar-me)\b/),
]
