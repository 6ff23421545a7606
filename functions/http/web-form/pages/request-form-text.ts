import type { Language, RequestType } from '../../../domain/request/request-vocabulary.js';
import type { RestrictionGround } from '../../../domain/restriction/restriction.js';

/** The published privacy policy (Norwegian only); the form links to it. */
export const PRIVACY_POLICY_URL =
  'https://www.obos.no/dette-er-obos/personvern/personvernerklaring-for-naerkontoret-as/';

/**
 * One plain-language line per right, shown under its checkbox so a requester can pick the right
 * one without knowing GDPR article numbers. Typed per language so neither can miss a right.
 */
export const RIGHT_EXPLANATIONS: Readonly<Record<RequestType, Readonly<Record<Language, string>>>> = {
  access: {
    nb: 'Få vite hvilke opplysninger vi har om deg, hva vi bruker dem til og hvem vi deler dem med, og få en kopi.',
    nn: 'Få vite kva opplysningar vi har om deg, kva vi bruker dei til og kven vi deler dei med, og få ein kopi.',
    en: 'Find out what data we hold about you, what we use it for and who we share it with, and get a copy.',
  },
  rectification: {
    nb: 'Få rettet opplysninger om deg som er feil, eller fylt ut det som mangler.',
    nn: 'Få retta opplysningar om deg som er feil, eller fylt ut det som manglar.',
    en: 'Have data about you corrected if it is wrong, or completed if something is missing.',
  },
  erasure: {
    nb: 'Få slettet opplysninger om deg. Det loven krever at vi beholder, for eksempel fakturaer, forklarer vi i svaret.',
    nn: 'Få sletta opplysningar om deg. Det lova krev at vi tek vare på, til dømes fakturaer, forklarar vi i svaret.',
    en: 'Have data about you deleted. Anything the law requires us to keep, such as invoices, we explain in our answer.',
  },
  restriction: {
    nb: 'Be oss bare lagre opplysningene og ikke bruke dem til noe annet, for eksempel mens vi sjekker om de stemmer.',
    nn: 'Be oss berre lagre opplysningane og ikkje bruke dei til noko anna, til dømes medan vi sjekkar om dei stemmer.',
    en: 'Ask us only to store the data and not use it for anything else, for example while we check whether it is correct.',
  },
  portability: {
    nb: 'Få opplysningene du har gitt oss i et maskinlesbart format, så du kan ta dem med til en annen tjeneste.',
    nn: 'Få opplysningane du har gitt oss i eit maskinlesbart format, så du kan ta dei med til ei anna teneste.',
    en: 'Get the data you have given us in a machine-readable format, so you can take it to another service.',
  },
  objection: {
    nb: 'Vi slutter med markedsføring til deg med en gang, på e-post, SMS, telefon og adressert post. Du trenger ikke bekrefte hvem du er.',
    nn: 'Vi sluttar med marknadsføring til deg med ein gong, på e-post, SMS, telefon og adressert post. Du treng ikkje stadfeste kven du er.',
    en: 'We stop marketing to you at once, by e-mail, text message, phone and addressed post. You do not need to confirm who you are.',
  },
  consent_withdrawal: {
    nb: 'Trekk tilbake et samtykke du har gitt oss, for eksempel til nyhetsbrev. Vi slutter da med det samtykket gjaldt.',
    nn: 'Trekk tilbake eit samtykke du har gitt oss, til dømes til nyheitsbrev. Vi sluttar då med det samtykket gjaldt.',
    en: 'Withdraw a consent you have given us, for example for newsletters. We then stop doing what it covered.',
  },
  processing_objection: {
    nb:
      'Protester mot at vi bruker opplysningene dine til analyse og utvikling, for eksempel statistikk over besøk og hvor lenge kunder abonnerer. ' +
      'Vi stanser denne bruken mens vi vurderer protesten.',
    nn:
      'Protester mot at vi bruker opplysningane dine til analyse og utvikling, til dømes statistikk over besøk og kor lenge kundar abonnerer. ' +
      'Vi stoppar denne bruken medan vi vurderer protesten.',
    en:
      'Object to our use of your data for analysis and development, for example statistics on visits and how long customers subscribe. ' +
      'We pause this use while we consider your objection.',
  },
};

/**
 * The grounds of Art. 18(1)(a)–(d) as a requester says them, one radio button each, so the person
 * can give their own reason for restriction without knowing the article. Typed per language.
 */
export const RESTRICTION_GROUND_CHOICES: Readonly<Record<RestrictionGround, Readonly<Record<Language, string>>>> = {
  a: {
    nb: 'Opplysningene om meg er feil. Dere skal bare lagre dem mens dere sjekker dem.',
    nn: 'Opplysningane om meg er feil. De skal berre lagre dei medan de sjekkar dei.',
    en: 'The data about me is wrong. Only store it while you check it.',
  },
  b: {
    nb: 'Dere har ikke lov til å bruke opplysningene, men jeg vil ikke at de blir slettet. Dere skal bare lagre dem.',
    nn: 'De har ikkje lov til å bruke opplysningane, men eg vil ikkje at dei blir sletta. De skal berre lagre dei.',
    en: 'You are not allowed to use the data, but I do not want it deleted. Only store it.',
  },
  c: {
    nb: 'Dere trenger ikke opplysningene lenger, men jeg trenger at dere tar vare på dem fordi jeg skal bruke dem i et rettslig krav.',
    nn: 'De treng ikkje opplysningane lenger, men eg treng at de tek vare på dei fordi eg skal bruke dei i eit rettsleg krav.',
    en: 'You no longer need the data, but I need you to keep it because I will use it in a legal claim.',
  },
  d: {
    nb: 'Jeg har protestert mot at dere bruker opplysningene. Dere skal bare lagre dem mens dere vurderer protesten.',
    nn: 'Eg har protestert mot at de bruker opplysningane. De skal berre lagre dei medan de vurderer protesten.',
    en: 'I have objected to your use of the data. Only store it while you consider my objection.',
  },
};

const nb = {
  title: 'Send en personvernhenvendelse',
  errorTitlePrefix: 'Feil: ',
  lead: 'Her kan du bruke rettighetene dine etter personvernregelverket (GDPR): be om innsyn i opplysningene vi har om deg, få dem rettet eller slettet, og mer. Du trenger ikke begrunne henvendelsen.',
  free: 'Det er gratis.',
  deadline:
    'Vi svarer så raskt vi kan, og senest innen én måned. Er henvendelsen omfattende, eller har du sendt mange, kan vi forlenge fristen med inntil to måneder når det er nødvendig. Da sier vi fra innen den første måneden og forklarer hvorfor.',
  identity:
    'For at ingen andre skal få opplysningene dine, bekrefter vi hvem du er ved å sende en kode til e-postadressen eller telefonnummeret vi har registrert på deg.',
  privacyBefore: 'Les mer om hvordan vi behandler personopplysninger i ',
  privacyLink: 'personvernerklæringen vår',
  privacyAfter: '.',
  otherChannels:
    'Du kan også sende henvendelsen på e-post, ringe oss eller skrive brev. Kontaktinformasjonen står nederst på siden.',
  summaryTitle: 'For å gå videre må du rette opp dette:',
  errorPrefix: 'Feil:',
  name: 'Navn',
  email: 'E-post',
  emailHint: 'Vi sender bekreftelsen hit. Bruk gjerne adressen du er registrert med hos oss.',
  phone: 'Telefon (valgfritt)',
  phoneHint: 'Bruk gjerne nummeret du er registrert med hos oss.',
  types: 'Hva ønsker du?',
  typesHint: 'Velg én eller flere.',
  restriction: 'Hvis du ber om begrensning',
  restrictionHint:
    'Du trenger ikke oppgi noen grunn. Gjør du det, tar vi utgangspunkt i den når vi behandler henvendelsen. Husk også å krysse av for begrensning over.',
  restrictionGround: 'Hvorfor vil du at vi bare skal lagre opplysningene? (valgfritt)',
  restrictionNoGround: 'Jeg vil ikke oppgi noen grunn.',
  restrictionScope: 'Hvilke opplysninger gjelder det? (valgfritt)',
  restrictionScopeHint: 'Velg én eller flere. Velger du ingen, avgjør vi det ut fra det du har skrevet, og spør deg hvis noe er uklart.',
  details: 'Fortell oss mer (valgfritt)',
  detailsHint:
    'For eksempel hva som skal rettes, hvilket samtykke du trekker tilbake, eller hvilken kanal du ikke vil bli kontaktet i. Høyst 5000 tegn. Ikke skriv fødselsnummer eller helseopplysninger.',
  submit: 'Send henvendelsen',
};

const nn: Record<keyof typeof nb, string> = {
  title: 'Send ein personvernførespurnad',
  errorTitlePrefix: 'Feil: ',
  lead: 'Her kan du bruke rettane dine etter personvernregelverket (GDPR): be om innsyn i opplysningane vi har om deg, få dei retta eller sletta, og meir. Du treng ikkje grunngje førespurnaden.',
  free: 'Det er gratis.',
  deadline:
    'Vi svarar så raskt vi kan, og seinast innan éin månad. Er førespurnaden omfattande, eller har du sendt mange, kan vi forlengje fristen med inntil to månader når det er nødvendig. Då seier vi frå innan den første månaden og forklarar kvifor.',
  identity:
    'For at ingen andre skal få opplysningane dine, stadfestar vi kven du er ved å sende ein kode til e-postadressa eller telefonnummeret vi har registrert på deg.',
  privacyBefore: 'Les meir om korleis vi behandlar personopplysningar i ',
  privacyLink: 'personvernerklæringa vår',
  privacyAfter: ' (på bokmål).',
  otherChannels:
    'Du kan også sende førespurnaden på e-post, ringje oss eller skrive brev. Kontaktinformasjonen står nedst på sida.',
  summaryTitle: 'For å gå vidare må du rette opp dette:',
  errorPrefix: 'Feil:',
  name: 'Namn',
  email: 'E-post',
  emailHint: 'Vi sender stadfestinga hit. Bruk gjerne adressa du er registrert med hos oss.',
  phone: 'Telefon (valfritt)',
  phoneHint: 'Bruk gjerne nummeret du er registrert med hos oss.',
  types: 'Kva ønskjer du?',
  typesHint: 'Vel éin eller fleire.',
  restriction: 'Dersom du ber om avgrensing',
  restrictionHint:
    'Du treng ikkje gje nokon grunn. Gjer du det, tek vi utgangspunkt i han når vi behandlar førespurnaden. Hugs òg å kryssa av for avgrensing over.',
  restrictionGround: 'Kvifor vil du at vi berre skal lagre opplysningane? (valfritt)',
  restrictionNoGround: 'Eg vil ikkje gje nokon grunn.',
  restrictionScope: 'Kva opplysningar gjeld det? (valfritt)',
  restrictionScopeHint: 'Vel éin eller fleire. Vel du ingen, avgjer vi det ut frå det du har skrive, og spør deg om noko er uklart.',
  details: 'Fortel oss meir (valfritt)',
  detailsHint:
    'Til dømes kva som skal rettast, kva samtykke du trekkjer tilbake, eller kva kanal du ikkje vil bli kontakta i. Høgst 5000 teikn. Ikkje skriv fødselsnummer eller helseopplysningar.',
  submit: 'Send førespurnaden',
};

const en: Record<keyof typeof nb, string> = {
  title: 'Make a data protection request',
  errorTitlePrefix: 'Error: ',
  lead: 'Here you can use your rights under data protection law (GDPR): ask to see the data we hold about you, have it corrected or erased, and more. You do not have to give a reason.',
  free: 'It is free of charge.',
  deadline:
    'We answer as soon as we can, and within one month at the latest. If your request is complex, or you have sent many, we may extend this by up to two further months when necessary. We will then tell you within the first month and explain why.',
  identity:
    'So that nobody else gets your data, we confirm who you are by sending a code to the e-mail address or phone number we have registered for you.',
  privacyBefore: 'Read more about how we handle personal data in our ',
  privacyLink: 'privacy policy',
  privacyAfter: ' (in Norwegian).',
  otherChannels:
    'You can also send your request by e-mail, phone us or write to us. The contact details are at the bottom of the page.',
  summaryTitle: 'To continue, please correct the following:',
  errorPrefix: 'Error:',
  name: 'Name',
  email: 'E-mail',
  emailHint: 'We send the confirmation here. Preferably use the address you are registered with.',
  phone: 'Phone (optional)',
  phoneHint: 'Preferably the number you are registered with.',
  types: 'What would you like?',
  typesHint: 'Choose one or more.',
  restriction: 'If you ask for restriction',
  restrictionHint:
    'You do not need to give a reason. If you do, we start from it when we handle your request. Remember to tick restriction above as well.',
  restrictionGround: 'Why do you want us only to store the data? (optional)',
  restrictionNoGround: 'I would rather not give a reason.',
  restrictionScope: 'Which data does it concern? (optional)',
  restrictionScopeHint: 'Choose one or more. If you choose none, we decide from what you have written, and ask you if anything is unclear.',
  details: 'Tell us more (optional)',
  detailsHint:
    'For example what should be corrected, which consent you withdraw, or which channel you no longer want to be contacted through. At most 5,000 characters. Please do not include your national identity number or health information.',
  submit: 'Send request',
};

/** Everything else the form says; `nn` and `en` are typed by `nb`'s keys, so none can miss a sentence. */
export const FORM_TEXT: Readonly<Record<Language, Readonly<Record<keyof typeof nb, string>>>> = { nb, nn, en };
