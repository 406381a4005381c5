"""Messages of presenter mode and stories, the municipality profile and the comparison page."""

MESSAGES: dict[str, dict[str, str]] = {
    # Navigation
    "nav.present": {"sr-Latn": "Prezentacija", "en": "Presentation"},
    "nav.profile": {"sr-Latn": "Profil opštine", "en": "Municipality profile"},
    "nav.compare": {"sr-Latn": "Poređenje", "en": "Comparison"},
    # Presenter mode
    "present.previous": {"sr-Latn": "Prethodni", "en": "Previous"},
    "present.next": {"sr-Latn": "Sledeći", "en": "Next"},
    "present.counter": {"sr-Latn": "{step} / {count}", "en": "{step} / {count}"},
    "present.keys": {
        "sr-Latn": "→ / PageDown sledeći · ← / PageUp prethodni · Home / End prvi / poslednji",
        "sr-Cyrl": "→ / PageDown следећи · ← / PageUp претходни · Home / End први / последњи",
        "en": "→ / PageDown next · ← / PageUp previous · Home / End first / last",
    },
    "present.fullscreen": {"sr-Latn": "Ceo ekran (F)", "sr-Cyrl": "Цео екран (F)", "en": "Full screen (F)"},
    "present.exit": {"sr-Latn": "Izađi na mapu", "en": "Exit to the map"},
    "present.problems": {
        "sr-Latn": "Priča „{story}” ima problema; koraci sa problemima su izostavljeni:",
        "en": "The story “{story}” has problems; steps with problems are left out:",
    },
    "present.empty": {"sr-Latn": "Nema šta da se prikaže", "en": "Nothing to show"},
    "present.empty_help": {
        "sr-Latn": "Priča nema nijedan ispravan korak. Priče su TOML datoteke u fascikli data/stories "
        "(opis formata je u README.md te fascikle); izaberite drugu:",
        "sr-Cyrl": "Прича нема ниједан исправан корак. Приче су TOML датотеке у фасцикли data/stories "
        "(опис формата је у README.md те фасцикле); изаберите другу:",
        "en": "The story has no valid step. Stories are TOML files in the data/stories folder (its "
        "README.md describes the format); choose another:",
    },
    "present.ranking_axis": {
        "sr-Latn": "Indeks razvojnog potencijala (0–100), po dimenzijama",
        "en": "Development potential index (0–100), by dimension",
    },
    # Story problems (dashboard/stories.py)
    "story.problem.in_step": {"sr-Latn": "Korak {step}: {problem}", "en": "Step {step}: {problem}"},
    "story.problem.missing": {
        "sr-Latn": "Priča „{name}” ne postoji.",
        "en": "There is no story called “{name}”.",
    },
    "story.problem.unreadable": {
        "sr-Latn": "Datoteka priče se ne može pročitati: {error}",
        "en": "The story file cannot be read: {error}",
    },
    "story.problem.no_steps": {
        "sr-Latn": "Priča nema korake (blokove [[steps]]).",
        "sr-Cyrl": "Прича нема кораке (блокове [[steps]]).",
        "en": "The story has no steps ([[steps]] blocks).",
    },
    "story.problem.no_valid_steps": {
        "sr-Latn": "Nijedan korak priče nije ispravan.",
        "en": "None of the story's steps is valid.",
    },
    "story.problem.bad_step": {
        "sr-Latn": "Korak nije tabela sa poljima view, title i caption.",
        "sr-Cyrl": "Корак није табела са пољима view, title и caption.",
        "en": "The step is not a table with view, title and caption fields.",
    },
    "story.problem.unknown_field": {
        "sr-Latn": "Nepoznato polje „{name}”.",
        "en": "Unknown field “{name}”.",
    },
    "story.problem.no_title": {
        "sr-Latn": "Naslov nedostaje (bar na jednom jeziku).",
        "en": "The title is missing (give it in at least one language).",
    },
    "story.problem.bad_text": {
        "sr-Latn": "Polje „{field}” mora biti tekst u jednom redu, po jezicima.",
        "en": "The field “{field}” must be text on one line, per language.",
    },
    "story.problem.unknown_language": {
        "sr-Latn": "Polje „{field}” navodi nepoznat jezik „{value}” (dozvoljeni su sr-Latn, sr-Cyrl, en).",
        "sr-Cyrl": "Поље „{field}” наводи непознат језик „{value}” (дозвољени су sr-Latn, sr-Cyrl, en).",
        "en": "The field “{field}” names an unknown language “{value}” (use sr-Latn, sr-Cyrl, en).",
    },
    "story.problem.too_long": {
        "sr-Latn": "Polje „{field}” je duže od {limit} znakova.",
        "en": "The field “{field}” is longer than {limit} characters.",
    },
    "story.problem.view_not_text": {
        "sr-Latn": "Prikaz (view) mora biti tekst, deo adrese mape posle „?”.",
        "sr-Cyrl": "Приказ (view) мора бити текст, део адресе мапе после „?”.",
        "en": "The view must be text: the part of the map's address after “?”.",
    },
    "story.problem.unknown_parameter": {
        "sr-Latn": "Prikaz navodi nepoznat parametar „{name}”.",
        "en": "The view names an unknown parameter “{name}”.",
    },
    "story.problem.unknown_code": {
        "sr-Latn": "Prikaz navodi nepoznatu šifru „{value}” u parametru „{name}”.",
        "en": "The view names an unknown code “{value}” in “{name}”.",
    },
    "story.problem.bad_value": {
        "sr-Latn": "Vrednost „{value}” nije dozvoljena za „{name}”.",
        "en": "The value “{value}” is not allowed for “{name}”.",
    },
    "story.problem.bad_name": {
        "sr-Latn": "Ime priče „{name}” nije dozvoljeno: samo mala slova, cifre, - i _.",
        "en": "The story name “{name}” is not allowed: lower-case letters, digits, - and _ only.",
    },
    "story.problem.cannot_append": {
        "sr-Latn": "Korak se ne može dodati na kraj ove datoteke (koraci u njoj nisu zapisani kao "
        "blokovi [[steps]]); datoteka nije menjana.",
        "sr-Cyrl": "Корак се не може додати на крај ове датотеке (кораци у њој нису записани као "
        "блокови [[steps]]); датотека није мењана.",
        "en": "The step cannot be appended to this file (its steps are not written as [[steps]] "
        "blocks); the file was not changed.",
    },
    "story.problem.not_written": {
        "sr-Latn": "Datoteka priče nije mogla biti upisana: {error}. Ostala je kakva je bila.",
        "en": "The story file could not be written: {error}. It is as it was.",
    },
    "story.problem.wrong_token": {
        "sr-Latn": "Urednička lozinka nije tačna: ništa nije sačuvano.",
        "en": "The editor credential is wrong: nothing was saved.",
    },
    # "Add this view to a story" on the map page
    "story.save.open": {"sr-Latn": "Dodaj ovaj prikaz u priču", "en": "Add this view to a story"},
    "story.save.story": {
        "sr-Latn": "Dodaj u postojeću priču (ime datoteke)",
        "en": "Add to an existing story (file name)",
    },
    "story.save.story_help": {
        "sr-Latn": "Prazno: nova priča. Postojeća priča dobija novi poslednji korak tek kad to potvrdite.",
        "en": "Empty: a new story. An existing story gets a new last step only once you confirm.",
    },
    "story.save.title_sr": {"sr-Latn": "Naslov na srpskom", "en": "Title in Serbian"},
    "story.save.title_en": {"sr-Latn": "Naslov na engleskom", "en": "Title in English"},
    "story.save.caption_sr": {"sr-Latn": "Kratak opis na srpskom", "en": "Short caption in Serbian"},
    "story.save.caption_en": {"sr-Latn": "Kratak opis na engleskom", "en": "Short caption in English"},
    "story.save.languages_help": {
        "sr-Latn": "Srpski latinicom ili ćirilicom (drugo pismo se dobija automatski); tekst koji "
        "nedostaje na jednom jeziku zamenjuje se drugim.",
        "en": "Serbian in Latin or Cyrillic (the other script is derived); a text missing in one "
        "language is replaced by the other.",
    },
    "story.save.token": {"sr-Latn": "Urednička lozinka", "en": "Editor credential"},
    "story.save.button": {"sr-Latn": "Sačuvaj korak", "en": "Save the step"},
    "story.save.saved": {
        "sr-Latn": "Sačuvano kao korak {step} priče „{story}”.",
        "en": "Saved as step {step} of the story “{story}”.",
    },
    "story.save.present": {"sr-Latn": "Pokreni prezentaciju", "en": "Start the presentation"},
    # Municipality profile (/profile)
    "profile_page.kicker": {"sr-Latn": "Profil kreativne ekonomije", "en": "Creative economy profile"},
    "profile_page.facts": {
        "sr-Latn": "Stanovništvo (popis 2022): {population} · površina {area} km² · {density} stanovnika/km²",
        "en": "Population (2022 census): {population} · area {area} km² · {density} inhabitants/km²",
    },
    "profile_page.pick": {"sr-Latn": "Opština / grad", "en": "Municipality / city"},
    "profile_page.print": {"sr-Latn": "Štampaj", "en": "Print"},
    "profile_page.pdf": {"sr-Latn": "Preuzmi PDF", "en": "Download PDF"},
    "profile_page.png": {"sr-Latn": "Preuzmi sliku (PNG)", "en": "Download image (PNG)"},
    "profile_page.no_units": {
        "sr-Latn": "Region nema nijednu opštinu za prikaz.",
        "en": "The region has no municipality to show.",
    },
    "profile_page.figures": {"sr-Latn": "Ključni pokazatelji", "en": "Key figures"},
    "profile_page.figures_help": {
        "sr-Latn": "Okrug i region su zbirovi svojih opština, ne proseci.",
        "en": "The district and the region are the sums of their municipalities, not averages.",
    },
    "profile_page.col.indicator": {"sr-Latn": "Pokazatelj", "en": "Indicator"},
    "profile_page.col.municipality": {"sr-Latn": "Opština", "en": "Municipality"},
    "profile_page.col.district": {"sr-Latn": "Okrug", "en": "District"},
    "profile_page.col.region": {"sr-Latn": "Region", "en": "Region"},
    "profile_page.col.sector": {"sr-Latn": "Sektor", "en": "Sector"},
    "profile_page.col.enterprises": {"sr-Latn": "Preduzeća", "en": "Enterprises"},
    "profile_page.col.share": {"sr-Latn": "Udeo", "en": "Share"},
    "profile_page.col.bar": {"sr-Latn": "Grafički prikaz", "en": "Bar"},
    "profile_page.col.lq": {"sr-Latn": "Koef. lokalizacije", "en": "Location quotient"},
    "profile_page.col.lq_short": {"sr-Latn": "KL", "sr-Cyrl": "КЛ", "en": "LQ"},
    "profile_page.col.dimension": {"sr-Latn": "Dimenzija", "en": "Dimension"},
    "profile_page.col.score": {"sr-Latn": "Ocena (0–100)", "en": "Score (0–100)"},
    "profile_page.col.weight": {"sr-Latn": "Ponder", "en": "Weight"},
    "profile_page.col.points": {"sr-Latn": "Doprinos", "en": "Points"},
    "profile_page.location": {"sr-Latn": "Položaj", "en": "Location"},
    "profile_page.sectors": {"sr-Latn": "Sektorska struktura", "en": "Sector mix"},
    "profile_page.lq_help": {
        "sr-Latn": "Koeficijent lokalizacije: udeo sektora u opštini podeljen njegovim udelom u "
        "regionu; iznad 1 znači da je sektor ovde zastupljeniji nego u regionu.",
        "en": "Location quotient: the sector's share in the municipality over its share in the "
        "region; above 1, the sector is more present here than in the region.",
    },
    "profile_page.potential": {"sr-Latn": "Razvojni potencijal", "en": "Development potential"},
    "profile_page.no_potential": {
        "sr-Latn": "Indeks razvojnog potencijala nije dostupan za ovu opštinu.",
        "en": "The development-potential index is not available for this municipality.",
    },
    "profile_page.of_100": {"sr-Latn": "od 100", "en": "of 100"},
    "profile_page.rank": {"sr-Latn": "{rank}. mesto od {count}", "en": "rank {rank} of {count}"},
    "profile_page.tier": {"sr-Latn": "Potencijal: {tier}", "en": "Potential: {tier}"},
    "profile_page.robustness_title": {"sr-Latn": "Pouzdanost ranga", "en": "How robust the rank is"},
    "profile_page.robustness": {
        "sr-Latn": "Pri {draws} slučajnih pondera dimenzija, u {coverage} slučajeva opština je između "
        "{best}. i {worst}. mesta (medijana {median}); sa osnovnim ponderima je {rank}. od {count}.",
        "en": "Under {draws} random weightings of the dimensions, the municipality ranks between "
        "{best} and {worst} in {coverage} of them (median {median}); with the default weights it is "
        "{rank} of {count}.",
    },
    "profile_page.sources": {"sr-Latn": "Podaci i izvori", "en": "Data and sources"},
    "profile_page.source.enterprises": {"sr-Latn": "Preduzeća:", "en": "Enterprises:"},
    "profile_page.source.enterprises_text": {
        "sr-Latn": "{file}, stanje zaključno sa godinom osnivanja {year}",
        "en": "{file}, as of founding year {year}",
    },
    "profile_page.source.population": {"sr-Latn": "Stanovništvo:", "en": "Population:"},
    "profile_page.source.area": {"sr-Latn": "Površina:", "en": "Area:"},
    "profile_page.source.index": {"sr-Latn": "Indeks:", "en": "Index:"},
    "profile_page.source.index_text": {
        "sr-Latn": "osnovni ponderi, sva mapirana preduzeća; metodologija na stranici Metodologija.",
        "en": "default weights, all mapped enterprises; see the Methodology page.",
    },
    "profile_page.synthetic": {
        "sr-Latn": "Pažnja: preduzeća u ovim podacima su sintetička (demonstracioni podaci), pa brojke "
        "nisu stvarne.",
        "en": "Note: the enterprises in these data are synthetic (demonstration data), so the "
        "figures are not real.",
    },
    "profile_page.prepared": {"sr-Latn": "Pripremljeno: {date}", "en": "Prepared on {date}"},
    "profile_page.export.done": {
        "sr-Latn": "Spremno: {file} ({size} KB).",
        "en": "Ready: {file} ({size} KB).",
    },
    "profile_page.export.no_browser": {
        "sr-Latn": "Izvoz nije moguć: pregledač Chromium nije pronađen na {path}. Instalirajte ga "
        "(apt-get install chromium) ili navedite putanju u CIM_CHROMIUM.",
        "sr-Cyrl": "Извоз није могућ: прегледач Chromium није пронађен на {path}. Инсталирајте га "
        "(apt-get install chromium) или наведите путању у CIM_CHROMIUM.",
        "en": "Export is not possible: the Chromium browser was not found at {path}. Install it "
        "(apt-get install chromium) or set its path in CIM_CHROMIUM.",
    },
    "profile_page.export.timeout": {
        "sr-Latn": "Izvoz je prekinut posle {seconds} s; pokušajte ponovo.",
        "en": "The export was stopped after {seconds} s; please try again.",
    },
    "profile_page.export.failed": {
        "sr-Latn": "Izvoz nije uspeo: {error}",
        "en": "The export failed: {error}",
    },
    # Comparison (/compare)
    "compare.title": {"sr-Latn": "Poređenje opština", "en": "Municipalities compared"},
    "compare.intro": {
        "sr-Latn": "Dve do četiri opštine jedna pored druge, na svakom pokazatelju, sa regionom kao "
        "referencom. Indeks i dimenzije su sa osnovnim ponderima, na svim mapiranim preduzećima.",
        "en": "Two to four municipalities side by side on every indicator, with the region as the "
        "reference. The index and its dimensions use the default weights and all mapped enterprises.",
    },
    "compare.pick": {"sr-Latn": "Opštine za poređenje", "en": "Municipalities to compare"},
    "compare.pick_placeholder": {"sr-Latn": "Izaberite 2 do 4 opštine", "en": "Choose 2 to 4 municipalities"},
    "compare.too_many": {
        "sr-Latn": "Može se porediti najviše {count} opštine; prikazane su prve {count}.",
        "en": "At most {count} municipalities can be compared; the first {count} are shown.",
    },
    "compare.too_few": {
        "sr-Latn": "Izaberite bar {count} opštine za poređenje.",
        "en": "Choose at least {count} municipalities to compare.",
    },
    "compare.table_title": {"sr-Latn": "Svi pokazatelji", "en": "Every indicator"},
    "compare.table_help": {
        "sr-Latn": "Mali broj ispod vrednosti je njen odnos prema vrednosti regiona (×1,00 = kao u "
        "regionu); za brojeve preduzeća i zaposlenih region je zbir, pa odnosa nema. Rang od 1 je "
        "najviši; raspon ranga pokriva 90 % od 1.000 slučajnih pondera dimenzija.",
        "en": "The small number under a value is its ratio to the region's value (×1.00 = as in the "
        "region); counts of enterprises and employees have none, the region's being a sum. Rank 1 "
        "is the highest; the rank range covers 90% of 1,000 random weightings of the dimensions.",
    },
    "compare.ratio_title": {
        "sr-Latn": "{ratio} puta vrednost regiona",
        "en": "{ratio} times the region's value",
    },
    "compare.col.indicator": {"sr-Latn": "Pokazatelj", "en": "Indicator"},
    "compare.col.region": {"sr-Latn": "Region", "en": "Region"},
    "compare.group.reference": {"sr-Latn": "Osnovni podaci", "en": "Basic facts"},
    "compare.group.potential": {"sr-Latn": "Razvojni potencijal", "en": "Development potential"},
    "compare.group.indicators": {"sr-Latn": "Pokazatelji", "en": "Indicators"},
    "compare.group.sectors": {
        "sr-Latn": "Sektorska struktura (udeo preduzeća)",
        "en": "Sector mix (share of enterprises)",
    },
    "compare.row.population": {"sr-Latn": "Stanovništvo (2022)", "en": "Population (2022)"},
    "compare.row.area": {"sr-Latn": "Površina", "en": "Area"},
    "compare.row.score": {"sr-Latn": "Indeks (0–100)", "en": "Index (0–100)"},
    "compare.row.rank": {"sr-Latn": "Rang", "en": "Rank"},
    "compare.row.range": {
        "sr-Latn": "Raspon ranga pri slučajnim ponderima",
        "en": "Rank range under random weightings",
    },
    "compare.row.tier": {"sr-Latn": "Nivo potencijala", "en": "Potential tier"},
    "compare.unit.score": {"sr-Latn": "ocena dimenzije, 0–100", "en": "dimension score, 0–100"},
    "compare.chart_title": {"sr-Latn": "Dimenzije indeksa", "en": "Dimensions of the index"},
    "compare.chart_axis": {"sr-Latn": "Ocena (0–100)", "en": "Score (0–100)"},
    # Text alternatives
    "summary.ranking": {
        "sr-Latn": "Razvojni potencijal {count} opština: najviši {top} ({top_value}; rang od {best} do "
        "{worst} pri slučajnim ponderima), najniži {bottom} ({bottom_value}).",
        "en": "Development potential of {count} municipalities: highest {top} ({top_value}; rank "
        "{best} to {worst} under random weightings), lowest {bottom} ({bottom_value}).",
    },
    "summary.ranking.empty": {
        "sr-Latn": "Nema opština za rangiranje.",
        "en": "There are no municipalities to rank.",
    },
    "summary.sector_mix": {
        "sr-Latn": "Najveći sektori po broju preduzeća: {sectors}.",
        "en": "Largest sectors by number of enterprises: {sectors}.",
    },
    "summary.sector_mix.empty": {
        "sr-Latn": "U opštini nema mapiranih kreativnih preduzeća.",
        "en": "No creative enterprises are mapped in the municipality.",
    },
    "summary.inset": {
        "sr-Latn": "Mapa položaja: {name} (tamno), {district} (osenčeno), među {count} opština regiona.",
        "en": "Locator map: {name} (dark), {district} (shaded), among the region's {count} municipalities.",
    },
    "summary.potential": {
        "sr-Latn": "Indeks {score} od 100, rang {rank} od {count} (od {best} do {worst} pri slučajnim "
        "ponderima); najjača dimenzija {strongest} ({strongest_value}), najslabija {weakest} "
        "({weakest_value}).",
        "en": "Index {score} of 100, rank {rank} of {count} ({best} to {worst} under random "
        "weightings); strongest dimension {strongest} ({strongest_value}), weakest {weakest} "
        "({weakest_value}).",
    },
    "summary.dimensions": {
        "sr-Latn": "Ocene dimenzija (0–100). {units}",
        "en": "Dimension scores (0–100). {units}",
    },
    "summary.dimensions.unit": {
        "sr-Latn": "{name}: najjača {strongest} ({strongest_value}), najslabija {weakest} ({weakest_value}).",
        "en": "{name}: strongest {strongest} ({strongest_value}), weakest {weakest} ({weakest_value}).",
    },
    # Words dcc.Dropdown draws itself (dashboard/i18n/widgets.py)
    "dropdown.select_all": {"sr-Latn": "Izaberi sve", "en": "Select all"},
    "dropdown.deselect_all": {"sr-Latn": "Poništi sve", "en": "Deselect all"},
    "dropdown.selected_count": {"sr-Latn": "izabrano: {num_selected}", "en": "{num_selected} selected"},
    "dropdown.search": {"sr-Latn": "Pretraga", "en": "Search"},
    "dropdown.clear_search": {"sr-Latn": "Obriši pretragu", "en": "Clear search"},
    "dropdown.clear_selection": {"sr-Latn": "Poništi izbor", "en": "Clear selection"},
    "dropdown.no_options_found": {"sr-Latn": "Nema pogodaka", "en": "No options found"},
    # Months (English dates spell the month; Serbian ones are numeric)
    "month.1": {"sr-Latn": "januar", "en": "January"},
    "month.2": {"sr-Latn": "februar", "en": "February"},
    "month.3": {"sr-Latn": "mart", "en": "March"},
    "month.4": {"sr-Latn": "april", "en": "April"},
    "month.5": {"sr-Latn": "maj", "en": "May"},
    "month.6": {"sr-Latn": "jun", "en": "June"},
    "month.7": {"sr-Latn": "jul", "en": "July"},
    "month.8": {"sr-Latn": "avgust", "en": "August"},
    "month.9": {"sr-Latn": "septembar", "en": "September"},
    "month.10": {"sr-Latn": "oktobar", "en": "October"},
    "month.11": {"sr-Latn": "novembar", "en": "November"},
    "month.12": {"sr-Latn": "decembar", "en": "December"},
}
