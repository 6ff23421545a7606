/**
 * Word sets the request cues share, in the notation of `phrase-pattern.ts`. Nouns for "my data" and
 * its parts in the five languages, so each right's table names the verbs and reuses the objects.
 */
export const DATA_NOUNS =
  'opplysning*|opplysningar*|personopplysning*|oplysning*|personoplysning*|uppgift*|personuppgift*|data|dataene|dataa|datan|info|informasjon*|information|informationen|details|records|personal';

/** A store of door events, by the names people give it («dørloggen min hos Unloc», «adgangsloggene»). */
export const LOGS =
  'dørlogg*|adgangslogg*|adgangslog*|passerlogg*|passerlog*|tilgangslogg*|logg|loggen|loggene|loggane|loggar|loggarna|log|logs|loggen|adgangsdata|dørdata|adgangshistorikk*';

/** What a person asks to have erased: themselves, their account, their data, a photo. */
export const ERASABLE = `${DATA_NOUNS}|meg|mig|me|konto|kontoen|kontoan|brukerkonto|brukerkontoen|profil|profilen|profilane|profile|bruker|brukeren|brukaren|brugeren|användare*|alt|allt|everything|personnummer*|fødselsnummer*|personnummeret|bilde*|bildet|bilder*|photo*|picture*|fotografi*|historikk*|bookinghistorikk*|account|telefonnummer*|${LOGS}`;

/** The personal details a person asks to have corrected. */
export const CORRECTABLE =
  'adresse*|adressa|address|adress|adressen|fakturaadresse*|navn*|namn*|name|etternavn*|efternavn*|efternamn*|surname|fornavn*|förnamn*|telefonnummer*|telefonnr|mobilnummer*|nummer|nummeret|number|e-post*|epost*|e-postadresse*|email|e-mail|mailadresse*|fødselsdato*|birth|födelsedatum*|personnummer*|postnummer*';

/** Verbs of correcting. */
export const CORRECTING = 'endre|endres|endra|oppdater*|uppdater*|rette|rettes|retta|rett|korriger*|change|update|correct|fix|ändra|rätta|rätt|opdater*|ret|ændre|berigtig*';

/** Words saying a detail is wrong. */
export const WRONG = 'feil|forkert|fel|wrong|incorrect|galt|feilstavet|feilstava|felstavat|felaktig*|misspelt|misspelled|ukorrekt|inkorrekt';

/** Third persons a representative writes about. */
export const SOMEONE_ELSE = 'ham|henne|honom|him|her|hende|han|hun|ho|he|she|hon';
