"""Messages of the definitions of a creative enterprise (issue 10): the switcher, the counts side
by side, the methodology section and the taxonomy's problems. The definitions' own names come
from the region's data (data/taxonomy/definitions.csv), not from here."""

MESSAGES: dict[str, dict[str, str]] = {
    "definitions.control": {
        "sr-Latn": "Definicija kreativnog preduzeća",
        "en": "Definition of a creative enterprise",
    },
    "definitions.control_help": {
        "sr-Latn": "Svi brojevi zavise od definicije; razlike objašnjava stranica Metodologija.",
        "en": "Every count depends on the definition; the Methodology page explains the differences.",
    },
    "definitions.default_mark": {"sr-Latn": "podrazumevana", "en": "default"},
    "definitions.counts": {
        "sr-Latn": "Kreativna preduzeća po definicijama: {counts}",
        "en": "Creative enterprises by definition: {counts}",
    },
    "definitions.counted_under": {
        "sr-Latn": "Brojevi na ovoj stranici računaju kreativna preduzeća po definiciji: {definition}.",
        "en": "The figures on this page count creative enterprises under: {definition}.",
    },
    "problem.definition_invalid": {
        "sr-Latn": "Nepoznata definicija ili vrednost (dozvoljeno: {yes}, {uncertain} ili prazno).",
        "en": "Unknown definition or value (allowed: {yes}, {uncertain} or empty).",
    },
    "compare.group.definitions": {
        "sr-Latn": "Kreativna preduzeća po definicijama",
        "en": "Creative enterprises by definition",
    },
    # Methodology section
    "methodology.definitions": {
        "sr-Latn": "Definicije kreativnog preduzeća",
        "en": "Definitions of a creative enterprise",
    },
    "methodology.definitions_intro": {
        "sr-Latn": "Koja se preduzeća broje kao kreativna zavisi od definicije, a definicija menja "
        "odgovor: ista opština može biti jaka po jednoj i prosečna po drugoj. Zato je definicija "
        "izbor na svakoj stranici koja broji (i u adresi stranice), a profil i poređenje "
        "prikazuju brojeve po svim definicijama jedne pored drugih. Preduzeće pripada definiciji "
        "kada njegova delatnost (razred KD 2010 / NACE Rev. 2) pripada njoj.",
        "en": "Which enterprises count as creative depends on the definition, and the definition "
        "changes the answer: the same municipality can be strong under one and average under "
        "another. So the definition is a choice on every page that counts (and in the page's "
        "address), and the profile and the comparison show the counts under every definition "
        "side by side. An enterprise belongs to a definition when its activity (KD 2010 / NACE "
        "Rev. 2 class) does.",
    },
    "methodology.definitions_region": {
        "sr-Latn": "Ceo region: {counts}. Podrazumevana definicija ovog regiona: {default}.",
        "en": "The whole region: {counts}. This region's default definition: {default}.",
    },
    "methodology.definitions.col.name": {"sr-Latn": "Definicija", "en": "Definition"},
    "methodology.definitions.col.classes": {"sr-Latn": "Razreda", "en": "Classes"},
    "methodology.definitions.col.adds": {
        "sr-Latn": "Dodaje u odnosu na prvu",
        "en": "Adds to the first",
    },
    "methodology.definitions.col.leaves": {
        "sr-Latn": "Izostavlja iz prve",
        "en": "Leaves out of the first",
    },
    "methodology.definitions.col.source": {"sr-Latn": "Izvor", "en": "Source"},
    "methodology.definitions_uncertain": {
        "sr-Latn": "Šifra sa znakom pitanja (?) je nesigurno uključena: razred obuhvata i "
        "nekreativnu proizvodnju, ili članstvo u izvornoj listi nije potvrđeno. Razlog za svaki "
        "razred navodi opis taksonomije regiona.",
        "en": "A code marked with a question mark (?) is an uncertain inclusion: the class also "
        "covers non-creative production, or its place in the source list is unconfirmed. "
        "The description of the region's taxonomy gives the reason for each class.",
    },
    "methodology.definitions_add": {
        "sr-Latn": "Kako dodati definiciju: u datoteku razreda u fascikli taksonomije regiona "
        "({classes_file}) dodajte kolonu, na primer {column}, i upišite {yes} ili {uncertain} u "
        "redove razreda koje definicija obuhvata (novi razred dodajte kao novi red, sa sektorom i "
        "UNESCO oblašću); u {definitions_file} dodajte red sa nazivom na tri jezika i izvorom. "
        "Podrazumevanu definiciju bira {setting} u {manifest}. Posle ponovnog pokretanja "
        "aplikacije definicija je izbor na svim stranicama.",
        "en": "How to add a definition: add a column, say {column}, to the class file in the "
        "region's taxonomy folder ({classes_file}) and write {yes} or {uncertain} in the rows of "
        "the classes it includes (a new class is a new row, with its sector and UNESCO field); "
        "add a row to {definitions_file} with its name in the three languages and its source. "
        "{setting} in {manifest} chooses the default. After a restart the definition is a "
        "choice on every page.",
    },
    "methodology.definitions_unesco": {
        "sr-Latn": "Oblasti UNESCO mreže kreativnih gradova su drugi pogled na iste razrede: "
        "svaki razred ima svoju oblast (ili nijednu) u bilo kojoj definiciji.",
        "en": "The fields of the UNESCO Creative Cities Network are a second view of the same "
        "classes: each class has its field (or none) under any definition.",
    },
}
