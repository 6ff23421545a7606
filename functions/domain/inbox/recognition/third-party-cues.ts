import { compileCues } from './cue.js';
import { DATA_NOUNS, LOGS } from './request-cues/data-words.js';

/**
 * A request about someone else in the writer's own interest: an employer or HR asking for an
 * employee's door log, the police, NAV, a court or a tax office asking about a customer, a customer
 * asking for another customer's details. None of these is the data subject's own request (Art. 15
 * gives a person their own data); staff decide whether the law allows a disclosure.
 */
export const THIRD_PARTY_CUES = {
  /** Who writes: an employer or HR, about its staff («vi er arbeidsgiver», «en av våre ansatte»). */
  employer: compileCues([
    { phrase: 'vi|we|jeg|eg|jag|i ... er|are|am|är ... arbeidsgiver*|arbeidsgjevar*|employer*|arbetsgivare*|arbejdsgiver*', weight: 1 },
    { phrase: 'som|as .. arbeidsgiver*|arbeidsgjevar*|employer*|arbetsgivare*|arbejdsgiver*', weight: 1 },
    { phrase: 'arbeidsgiver*|arbeidsgjevar*|employer*|arbetsgivare*|arbejdsgiver* for|til|to|of|åt|til', weight: 1 },
    { phrase: 'hr|hr-sjef|hr-rådgiver|hr-chef|hr-ansvarlig|hr-avdelingen|personalavdeling*|personalsjef|personalleder|personalleiar|personalechef|personaleafdeling*|personalsak*|personalesag*|personalärende*', weight: 1 },
    { phrase: 'ansatt|tilsett|employed|anställd|ansat|jobber|works|arbeider hos|hjå|with|at|for oss|us|os', weight: 1 },
    { phrase: 'administrator|admin|ansvarlig|responsible ... firmaavtale*|firmaaftale*|bedriftsavtale*|corporate|company account|företagsavtal*', weight: 1 },
    { phrase: 'vår|våre|vårt|our|vores|våra|dei ansatt*|employee*|medarbeider*|medarbejder*|medarbetare*|tilsett*|tilsette|anställd*|contractor*|konsulent*', weight: 1 },
    { phrase: 'en|ein|one|ett av|af|of våre|vores|our|våra|dei ansatt*|employee*|medarbeider*|medarbejder*|medarbetare*|tilsette|anställda', weight: 1 },
  ]),
  /**
   * An authority, by name or by the law it invokes. Half weight each: a customer may need their own
   * data «til NAV»; the police writing «etterforsker» or about «en av deres kunder» is another thing.
   */
  authority: compileCues([
    { phrase: 'politi*|police|polis*|nav|skatteetaten|skatteverket|skattestyrelsen|skattekontor*|tingrett*|lagmannsrett*|court|domstol*|namsmann*|namsfogd*|kemner*|udbetaling|myndighet*|myndighed*|försäkringskassan|kronofogden|polismyndigheten|kommune|kommunen|municipality|sosialtenesta|sosialtjenesten|barnevern*|inkasso*|forsikring*|insurer|insurance|försäkring*', weight: 0.5 },
    { phrase: 'etterforsk*|efterforsk*|investigat*|utreder|utredning|straffeprosessloven|folketrygdloven|skatteforvaltningsloven|skatteförfarandelagen|tvisteloven|rättegångsbalken|retsplejeloven|pålegg|pålæg|föreläggande|hjemmel|exemptions|inkassooppdrag* / dispute act', weight: 0.5 },
  ]),
  /** Whose data is asked for: a person named or pointed at, not the writer. */
  aboutOther: compileCues([
    { phrase: `his|her|their ${DATA_NOUNS}|door|access|badge*|entry|logs|log|phone|number|email|address|invoices|visits|account|records|membership|contact|details`, weight: 1 },
    { phrase: `hans|hennes|hendes|hennar|deira|hennes .. ${DATA_NOUNS}|adgangslogg*|adgangslog|passerlogg*|dørlogg*|logg*|log|logs|telefonnummer*|nummer|number|e-post*|email|adresse*|adressa|address|adress|fakturaer|invoices|besøk*|besök*|visits|konto|account|bookinger|badge-in|opptak`, weight: 1 },
    { phrase: 'når|hvilke|hvor|kor|kva|when|which|how|hur|vilka|hvornår ... han|hun|ho|he|she|hon|vedkommende|personen|@name ... var|was|vært|vore|been|varit|været|kom|came|gikk|left|brukte|used|nytta|besøkte|visited|jobbet|worked|har|hadde|has|had', weight: 1 },
    { phrase: 'at|that|att|om|if|whether han|hun|ho|he|she|hon|vedkommende var|was|har|has|hadde|had|været|vore', weight: 1 },
    { phrase: `${DATA_NOUNS}|betalinger|betalningar|payments|fakturaer|invoices|fakturor|records|adgangslogg*|logg* ... om|from|från|fra|frå|about|regarding|vedrørende|angående|til|of @name @name`, weight: 1 },
    { phrase: 'e-postadressen|e-postadressa|telefonnummeret|nummeret|adressen|adressa|mobilnummeret|email|number|address|kontaktinfo* til|of|for|åt|på hun|han|ham|henne|him|her|honom|hende|ho|henne', weight: 1 },
    { phrase: 'samboer*|sambo|partner*|kjæreste*|kona|mannen|ektefelle*|wife|husband|spouse|hustru|maka|make|kone', weight: 0.5 },
    { phrase: 'hvem|kven|who|vem det|som|der|is|er|är|that', weight: 0.5 },
    { phrase: 'gi|give|send|sende|fortelle|tell|skicka|oplyse meg|me|mig|oss|us ... e-postadressen|telefonnummeret|nummeret|adressen|adressa|mobilnummeret|e-posten|kontaktinfo*|contact', weight: 0.5 },
    { phrase: 'om|whether|hvorvidt|if|huruvida|kunden|customer|member|personen|vedkommende|ansatt|employee|medarbeider|forsikringstaker|policyholder|skyldner|debtor|leietaker|tenant|søker|applicant|mot|against @name @name', weight: 1 },
    { phrase: 'om|about|på|of kunden|customer|personen|vedkommende|suspect|mistenkte|defendant|saksøkte|medlemmet|brukeren', weight: 1 },
    { phrase: 'en|ein|one av|of|af deres|dykkar|your|jeres|era kunder|kundar|customers|members|medlemmer|kunder', weight: 1 },
    { phrase: 'min|mi|my tidligere|tidlegare|ex|eks|ex-wife|ex-husband|eks-kone|eksmann|ekskone|exfru|exman / kollega|colleague|kollegaen|sidemann*|nabo*|neighbour', weight: 0.5 },
    
  ]),
  /** The writer asks to be given something. */
  disclosure: compileCues([
    {
      phrase: `ber|be|beder|bed|begär*|begjær*|anmoder|request|requests|requesting|need|needs|trenger|treng|behöver|behov|brug|send|sende|oversende|skicka|give|gi|provide|fortelle|tell|opplyse|oplyse|confirm|få & ${DATA_NOUNS}|records|record|logg*|log|logs|kopi|copy|kopia|oversikt|overview|oversigt|udskrift|utskrift|number|nummer|telefonnummer*|e-post*|e-postadresse*|email|adresse*|address|times|tider|passerlogg*|adgangslogg*|tilgangslogg*|besöksstatistik|fakturaer|invoices|fakturor|innpassering*|inn-|utpassering*|badge-in|opptak*|kameraopptak*|avtale*|agreement|bekreftelse|confirmation|medlemsuppgift*|medlemskap|membership|abonnement|uppgifter|oplysninger|dokumentasjon|documentation|dokumentation|dokumenter|documents|videooptagelser|footage|cctv`,
      weight: 1,
    },
    { phrase: 'hvem|kven|who|vem & fortelle|tell|vite|know|veta|vide', weight: 1 },
    { phrase: 'vil|vill|ønsker|ønskjer|önskar|want|like|gerne|gjerne ... vite|veta|vide|know|se|sjå|see & når|hvilke|vilka|which|when|hvornår|hvor|hur|kva|how', weight: 1 },
    { phrase: 'sjekke|sjekk|check|kolla|tjekke|se|undersøke / finne|find ut|out & hvilke|når|when|which|vilka|hvornår|kva|hur|hvor|how', weight: 1 },
    { phrase: 'ha|have|hente|få|få ... liste|list|lista|oversikt|oversigt|overview', weight: 1 },
  ]),
  /** The writer asks about their own data («min dørlogg», «om meg»): a customer naming NAV or an insurer is still asking for themselves. */
  self: compileCues([
    { phrase: `min|mine|mitt|mi|my|mina|mit ${DATA_NOUNS}|${LOGS}|konto|kontoen|account|profil|profilen|profile / ${DATA_NOUNS}|${LOGS}|konto|kontoen|profilen min|mine|mitt|mi|mina`, weight: 1 },
    { phrase: 'om|about|on|på meg|mig|me', weight: 1 },
  ]),
  /** A mandate: the writer acts for the person (lawyer, parent, spouse) rather than against or about them. */
  mandate: compileCues([
    { phrase: 'fullmakt*|fuldmagt*|fullmakten|authority|mandate / power of attorney', weight: 1 },
    { phrase: 'på|paa vegne|vegner|vägnar|vegne / on behalf / behalf of / på hans|hennes|hendes|hennar uppdrag', weight: 1 },
    { phrase: 'bedt|bad|ba|bede|bett|asked|bett meg|mig|me', weight: 1 },
    { phrase: 'min|mi|vår|our|my|vores klient*|client*|klienten', weight: 1 },
    { phrase: 'representerer|representing|represent|företräder|repræsenterer|representerar|bistår|assist* / act|acts|acting for', weight: 1 },
  ]),
} as const;
