"""Messages of issue 14 ("beyond the peers"): microclusters and their command, peer benchmarks,
agenda drafts, what-if scenarios and cultural places.

Serbian sentences avoid number agreement ("preduzeća: 12" rather than "12 preduzeća"), since
the counts are filled in at run time and Serbian nouns change form with the number.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ clusters (command line)
    "clusters.cli.bad_radius": {
        "sr-Latn": "{option} mora biti broj metara veći od 0 i najviše {max}; dato: {value}",
        "en": "{option} must be a number of metres above 0 and at most {max}; given: {value}",
    },
    "clusters.cli.bad_min_size": {
        "sr-Latn": "{option} mora biti ceo broj od 2 do {max}; dato: {value}",
        "en": "{option} must be a whole number from 2 to {max}; given: {value}",
    },
    "clusters.cli.bad_output": {
        "sr-Latn": "{option} mora biti datoteka {suffix} u postojećoj fascikli; dato: {value}",
        "en": "{option} must be a {suffix} file in an existing folder; given: {value}",
    },
    "clusters.cli.no_data": {
        "sr-Latn": "Nema preduzeća za grupisanje.",
        "en": "There are no enterprises to cluster.",
    },
    "clusters.cli.rows_rejected": {
        "sr-Latn": "Redovi izostavljeni zbog grešaka u podacima: {count} (prvi su navedeni ispod).",
        "en": "Rows left out because of data errors: {count} (the first are listed below).",
    },
    "clusters.cli.summary": {
        "sr-Latn": "Klasteri: {clusters} (poluprečnik {radius} m, najmanje {min_size} preduzeća). "
        "Preduzeća u klasterima: {clustered} od {considered}; izostavljena jer im je lokacija "
        "poznata samo do opštine: {left_out}.",
        "en": "Clusters: {clusters} (radius {radius} m, at least {min_size} firms). Firms in "
        "clusters: {clustered} of {considered}; left out because their location is known only to "
        "the municipality: {left_out}.",
    },
    "clusters.cli.written": {"sr-Latn": "Zapisano: {path}", "en": "Written: {path}"},
    "clusters.cli.write_failed": {
        "sr-Latn": "Datoteka nije zapisana: {error}",
        "en": "The file could not be written: {error}",
    },
    # ------------------------------------------------------------------ peers
    "peers.status.city": {"sr-Latn": "gradovi", "en": "cities"},
    "peers.status.municipality": {"sr-Latn": "opštine", "en": "municipalities"},
    "peers.status.any": {"sr-Latn": "jedinice lokalne samouprave", "en": "local government units"},
    "peers.group.all": {"sr-Latn": "sve jedinice lokalne samouprave", "en": "all local government units"},
    "peers.band.under": {
        "sr-Latn": "{kind} sa manje od {high} stanovnika",
        "en": "{kind} under {high} inhabitants",
    },
    "peers.band.over": {
        "sr-Latn": "{kind} sa {low} i više stanovnika",
        "en": "{kind} of {low} inhabitants or more",
    },
    "peers.band.between": {
        "sr-Latn": "{kind} sa {low} do {high} stanovnika",
        "en": "{kind} of {low} to {high} inhabitants",
    },
    "peers.sentence": {
        "sr-Latn": "Među uporedivim jedinicama ({group}, ukupno {count}) {unit} je na {rank} mestu "
        "po pokazatelju „{indicator}“ ({value}).",
        "en": "Among the {count} {group}, {unit} ranks {rank} in “{indicator}” ({value}).",
    },
    "peers.sentence.no_value": {
        "sr-Latn": "Za {unit} pokazatelj „{indicator}“ nije moguće izračunati.",
        "en": "“{indicator}” cannot be computed for {unit}.",
    },
    "peers.indicator.sector_per_1000": {
        "sr-Latn": "{sector}: preduzeća na 1.000 stanovnika",
        "en": "{sector}: enterprises per 1,000 inhabitants",
    },
    "peers.rule.status": {
        "sr-Latn": "Uporedive jedinice su one istog statusa (grad ili opština) u istom rasponu broja "
        "stanovnika (granice: {bands}). Grupa manja od {min_group} proširuje se na sve jedinice "
        "istog statusa, a zatim na sve jedinice.",
        "en": "Peers are the units of the same status (city or municipality) in the same population "
        "band (bounds: {bands}). A group smaller than {min_group} is widened to every unit of the "
        "same status, then to every unit.",
    },
    "peers.rule.population": {
        "sr-Latn": "Uporedive jedinice su one u istom rasponu broja stanovnika (granice: {bands}). "
        "Grupa manja od {min_group} proširuje se na sve jedinice.",
        "en": "Peers are the units in the same population band (bounds: {bands}). A group smaller "
        "than {min_group} is widened to every unit.",
    },
    # ------------------------------------------------------------------ agenda drafts
    "agenda.title": {
        "sr-Latn": "Nacrt agende razvoja kreativnih industrija: {municipality}",
        "en": "Draft creative-industries agenda: {municipality}",
    },
    "agenda.note": {
        "sr-Latn": "Nacrt je izveden iz mapiranih kreativnih preduzeća (podaci do {year}. godine) "
        "pravilima iz datoteke {file}. Uz svaku tvrdnju su podatak i pravilo iz kojih potiče; "
        "tekst je polazna osnova i treba ga proveriti i dopuniti.",
        "en": "This draft is derived from the mapped creative enterprises (data up to {year}) by the "
        "rules in {file}. Every statement carries the figure and the rule it comes from; the "
        "text is a starting point to check and complete.",
    },
    "agenda.section.strength": {"sr-Latn": "Snage", "en": "Strengths"},
    "agenda.section.weakness": {"sr-Latn": "Slabosti", "en": "Weaknesses"},
    "agenda.section.cluster": {"sr-Latn": "Klasteri", "en": "Clusters"},
    "agenda.section.comparison": {"sr-Latn": "Poređenje", "en": "Comparison"},
    "agenda.none.strength": {
        "sr-Latn": "Nijedno pravilo snage nije ispunjeno.",
        "en": "No strength rule is met.",
    },
    "agenda.none.weakness": {
        "sr-Latn": "Nijedno pravilo slabosti nije ispunjeno.",
        "en": "No weakness rule is met.",
    },
    "agenda.none.cluster": {
        "sr-Latn": "Nijedan klaster kreativnih preduzeća ne dotiče ovu jedinicu.",
        "en": "No cluster of creative enterprises reaches into this unit.",
    },
    "agenda.none.comparison": {
        "sr-Latn": "Nema pokazatelja za poređenje.",
        "en": "No indicators to compare.",
    },
    "agenda.strength.sector": {
        "sr-Latn": "Sektor „{sector}“ je izražen: koeficijent lokalizacije {lq}, preduzeća: {firms}.",
        "en": "{sector} stands out: location quotient {lq}, with {firms} firms.",
    },
    "agenda.strength.growth": {
        "sr-Latn": "Osnivanje novih preduzeća je brže nego u okrugu: {growth} preduzeća osnovano je u "
        "poslednjem periodu, prema {district_growth} u okrugu {district}.",
        "en": "New firms are founded faster than in the district: {growth} of the firms were founded "
        "in the latest period, against {district_growth} in {district}.",
    },
    "agenda.strength.density": {
        "sr-Latn": "Gustina kreativne privrede je visoka: {value} preduzeća na 1.000 stanovnika, "
        "{ratio} puta više od regiona ({region_value}).",
        "en": "The creative economy is dense: {value} firms per 1,000 inhabitants, {ratio} times the "
        "region's {region_value}.",
    },
    "agenda.weakness.density": {
        "sr-Latn": "Kreativnih preduzeća je malo: {value} na 1.000 stanovnika, {ratio} od vrednosti "
        "regiona ({region_value}).",
        "en": "There are few creative firms: {value} per 1,000 inhabitants, {ratio} times the "
        "region's {region_value}.",
    },
    "agenda.weakness.thin_sector": {
        "sr-Latn": "Sektor „{sector}“ je tanak: preduzeća: {firms}, iako u regionu čini {region_share} "
        "kreativnih preduzeća.",
        "en": "{sector} is thin: {firms} firms, although it makes up {region_share} of the region's "
        "creative firms.",
    },
    "agenda.weakness.diversity": {
        "sr-Latn": "Raznovrsnost sektora je niska: {diversity} (region: {region_diversity}; 0 znači "
        "jedan sektor, 1 ravnomerno sve).",
        "en": "The sector mix is narrow: diversity {diversity} (region: {region_diversity}; 0 is one "
        "sector, 1 all sectors equally).",
    },
    "agenda.weakness.shrinking": {
        "sr-Latn": "Osnivanje opada: u poslednjih {years} godina osnovano je {recent} preduzeća, u "
        "{years} godina pre toga {before}.",
        "en": "Foundings are falling: {recent} firms were founded in the last {years} years, against "
        "{before} in the {years} years before.",
    },
    "agenda.cluster": {
        "sr-Latn": "Klaster {cluster}: preduzeća: {members}, zaposlenih: {employees}; preovlađuje "
        "„{sector}“ ({share}).",
        "en": "Cluster {cluster}: {members} firms with {employees} employees, mostly {sector} ({share}).",
    },
    "agenda.cluster.spans": {"sr-Latn": "Obuhvata i: {others}.", "en": "It also spans {others}."},
    "agenda.cluster.years": {
        "sr-Latn": "Godine osnivanja: {first}–{last}.",
        "en": "Founded {first}–{last}.",
    },
    "agenda.comparison": {
        "sr-Latn": "{indicator}: {value}; {district}: {district_value}; region: {region_value}.",
        "en": "{indicator}: {value}; {district}: {district_value}; region: {region_value}.",
    },
    "agenda.comparison.peers": {
        "sr-Latn": "Među uporedivim jedinicama ({group}, ukupno {count}) na {rank} mestu.",
        "en": "Ranks {rank} of {count} among its peers ({group}).",
    },
    "agenda.rule.strength.sector": {
        "sr-Latn": "Pravilo: koeficijent lokalizacije najmanje {lq_min} i najmanje {sector_min_firms} "
        "preduzeća u sektoru ({where}).",
        "en": "Rule: location quotient at least {lq_min} and at least {sector_min_firms} firms in the "
        "sector ({where}).",
    },
    "agenda.rule.strength.growth": {
        "sr-Latn": "Pravilo: rast najmanje {growth_margin} procentnih poena iznad okruga, uz najmanje "
        "{growth_min_dated} preduzeća poznate godine osnivanja ({where}).",
        "en": "Rule: growth at least {growth_margin} percentage points above the district, with at least "
        "{growth_min_dated} firms of known founding year ({where}).",
    },
    "agenda.rule.strength.density": {
        "sr-Latn": "Pravilo: preduzeća na 1.000 stanovnika najmanje {density_ratio_min} puta više od "
        "regiona ({where}).",
        "en": "Rule: firms per 1,000 inhabitants at least {density_ratio_min} times the region's ({where}).",
    },
    "agenda.rule.weakness.thin_sector": {
        "sr-Latn": "Pravilo: najviše {thin_sector_max_firms} preduzeća u sektoru koji u regionu čini "
        "najmanje {thin_sector_min_region_share} preduzeća ({where}).",
        "en": "Rule: at most {thin_sector_max_firms} firms in a sector that makes up at least "
        "{thin_sector_min_region_share} of the region's firms ({where}).",
    },
    "agenda.rule.weakness.diversity": {
        "sr-Latn": "Pravilo: raznovrsnost ispod {diversity_max} ({where}).",
        "en": "Rule: diversity below {diversity_max} ({where}).",
    },
    "agenda.rule.weakness.density": {
        "sr-Latn": "Pravilo: preduzeća na 1.000 stanovnika najviše {density_ratio_max} vrednosti "
        "regiona ({where}).",
        "en": "Rule: firms per 1,000 inhabitants at most {density_ratio_max} times the region's ({where}).",
    },
    "agenda.rule.weakness.shrinking": {
        "sr-Latn": "Pravilo: osnivanja u poslednjem periodu najviše {shrink_ratio_max} onih iz "
        "prethodnog, kada ih je tada bilo najmanje {shrink_min_before} ({where}).",
        "en": "Rule: foundings in the latest period at most {shrink_ratio_max} times those of the "
        "period before, when that had at least {shrink_min_before} ({where}).",
    },
    "agenda.rule.cluster": {
        "sr-Latn": "Pravilo: DBSCAN, poluprečnik {radius_m} m, na preduzećima tačne lokacije ili "
        "lokacije naselja ({where}).",
        "en": "Rule: DBSCAN, radius {radius_m} m, on firms located exactly or at their settlement ({where}).",
    },
    "agenda.rule.comparison": {
        "sr-Latn": "Izračunato kao {formula}; uporedive jedinice po pravilu iz {where}.",
        "en": "Computed as {formula}; peers by the rule in {where}.",
    },
    # ------------------------------------------------------------------ cultural places
    "culture.kind.museum": {"sr-Latn": "Muzej", "en": "Museum"},
    "culture.kind.gallery": {"sr-Latn": "Galerija", "en": "Gallery"},
    "culture.kind.theatre": {"sr-Latn": "Pozorište", "en": "Theatre"},
    "culture.kind.cinema": {"sr-Latn": "Bioskop", "en": "Cinema"},
    "culture.kind.cultural_centre": {"sr-Latn": "Kulturni centar", "en": "Cultural centre"},
    "culture.kind.library": {"sr-Latn": "Biblioteka", "en": "Library"},
    "culture.kind.festival": {"sr-Latn": "Festival", "en": "Festival"},
    "culture.per_10000": {
        "sr-Latn": "Mesta kulture na 10.000 stanovnika",
        "en": "Cultural places per 10,000 inhabitants",
    },
    "problem.place_kind_unknown": {
        "sr-Latn": "Nepoznata vrsta mesta kulture; dozvoljeno: {kinds}.",
        "en": "Unknown kind of cultural place; allowed: {kinds}.",
    },
    "problem.url_invalid": {
        "sr-Latn": "Adresa nije veb-adresa (treba da počinje sa {http} ili {https}).",
        "en": "The address is not a web address (it should start with {http} or {https}).",
        "sr-Cyrl": "Адреса није веб-адреса (треба да почиње са {http} или {https}).",
    },
    "problem.setting_invalid": {
        "sr-Latn": "Podešavanje nije upotrebljivo; koristi se podrazumevana vrednost.",
        "en": "The setting cannot be used; the default applies.",
    },
}
