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
    # ------------------------------------------------------------------ pages: navigation
    "nav.clusters": {"sr-Latn": "Klasteri", "en": "Clusters"},
    "nav.agenda": {"sr-Latn": "Nacrt agende", "en": "Agenda draft"},
    # ------------------------------------------------------------------ the clusters page
    "clusters.page.title": {"sr-Latn": "Mikroklasteri kreativnih preduzeća", "en": "Creative microclusters"},
    "clusters.page.intro": {
        "sr-Latn": "Gusta jezgra kreativnih preduzeća, nađena metodom DBSCAN: preduzeće je jezgro klastera "
        "kada u krugu zadatog poluprečnika oko njega ima najmanje zadati broj preduzeća (računajući i "
        "njega). Klasteri prate izabrane sektore i definiciju kreativnog preduzeća.",
        "en": "Dense groups of creative firms, found by DBSCAN: a firm is the core of a cluster when at "
        "least the given number of firms (itself included) lie within the given radius of it. Clusters "
        "follow the sectors and the definition of a creative enterprise chosen.",
    },
    "clusters.settings": {"sr-Latn": "Podešavanja", "en": "Settings"},
    "clusters.control.sectors": {"sr-Latn": "Sektori", "en": "Sectors"},
    "clusters.control.sectors_help": {
        "sr-Latn": "Ništa izabrano: svi sektori.",
        "en": "None chosen: every sector.",
    },
    "clusters.control.radius": {"sr-Latn": "Poluprečnik (m)", "en": "Radius (m)"},
    "clusters.control.radius_help": {
        "sr-Latn": "Od {low} do {high} m; podrazumevano {default} m ({file}).",
        "en": "From {low} to {high} m; default {default} m ({file}).",
    },
    "clusters.control.min_size": {
        "sr-Latn": "Najmanje preduzeća u klasteru",
        "en": "Fewest firms in a cluster",
    },
    "clusters.control.min_size_help": {
        "sr-Latn": "Od {low} do {high}; podrazumevano {default} ({file}).",
        "en": "From {low} to {high}; default {default} ({file}).",
    },
    "clusters.reset": {"sr-Latn": "Podrazumevana podešavanja", "en": "Default settings"},
    "clusters.download": {"sr-Latn": "Preuzmi klastere ({format})", "en": "Download clusters ({format})"},
    "clusters.method_link": {"sr-Latn": "Kako se klasteri nalaze", "en": "How clusters are found"},
    "clusters.summary": {
        "sr-Latn": "Klasteri: {clusters} (poluprečnik {radius} m, najmanje {min_size} preduzeća). "
        "Preduzeća u klasterima: {clustered} od {considered} sa tačnom lokacijom ili lokacijom naselja.",
        "en": "Clusters: {clusters} (radius {radius} m, at least {min_size} firms). Firms in clusters: "
        "{clustered} of the {considered} located exactly or at their settlement.",
    },
    "clusters.left_out": {
        "sr-Latn": "Izostavljena preduzeća čija je lokacija poznata samo do sedišta opštine: {left_out}.",
        "en": "Left out because they are placed only at the municipal seat: {left_out} firms.",
    },
    "clusters.none": {
        "sr-Latn": "Pri ovim podešavanjima nema klastera: probajte veći poluprečnik ili manji broj "
        "preduzeća.",
        "en": "No cluster at these settings: try a larger radius or fewer firms.",
    },
    "clusters.cards": {"sr-Latn": "Klasteri, od najvećeg", "en": "Clusters, largest first"},
    "clusters.cards_more": {
        "sr-Latn": "Prikazani su najveći klasteri: {shown} od {count}. Svi su na mapi i u {format} datoteci.",
        "en": "The {shown} largest of {count} clusters are shown here; all are on the map and in the "
        "{format} file.",
    },
    "clusters.card.title": {"sr-Latn": "Klaster {cluster}", "en": "Cluster {cluster}"},
    "clusters.card.firms": {"sr-Latn": "Preduzeća", "en": "Firms"},
    "clusters.card.employees": {"sr-Latn": "Zaposleni", "en": "Employees"},
    "clusters.card.dominant": {"sr-Latn": "Preovlađuje", "en": "Dominant sector"},
    "clusters.card.mix": {"sr-Latn": "Sektori", "en": "Sector mix"},
    "clusters.card.municipalities": {"sr-Latn": "Opštine", "en": "Municipalities"},
    "clusters.card.years": {"sr-Latn": "Godine osnivanja", "en": "Founding years"},
    "clusters.card.years_value": {
        "sr-Latn": "{first}–{last} (medijana {median})",
        "en": "{first}–{last} (median {median})",
    },
    "clusters.card.years_unknown": {"sr-Latn": "nepoznate", "en": "unknown"},
    "clusters.hover": {
        "sr-Latn": "preduzeća: {members} · zaposlenih: {employees}<br>preovlađuje: {sector} ({share})",
        "en": "{members} firms · {employees} employees<br>mostly {sector} ({share})",
    },
    "clusters.map_label": {
        "sr-Latn": "Mapa klastera: obrisi klastera u boji preovlađujućeg sektora, krug u sredini sa brojem "
        "preduzeća.",
        "en": "Map of the clusters: each outline in the colour of its dominant sector, a circle at its "
        "centre with its number of firms.",
    },
    "clusters.places": {
        "sr-Latn": "Ljubičaste tačke: mesta kulture ({count}; {file}).",
        "en": "Purple dots: cultural places ({count}; {file}).",
    },
    # ------------------------------------------------------------------ the agenda page
    "agenda.page.title": {
        "sr-Latn": "Nacrt agende razvoja kreativnih industrija",
        "en": "Draft creative-industries agenda",
    },
    "agenda.page.intro": {
        "sr-Latn": "Izaberite opštinu. Nacrt navodi snage, slabosti, klastere i poređenje sa okrugom, "
        "regionom i uporedivim jedinicama, svaku tvrdnju sa podatkom i pravilom iz kog potiče. "
        "Preuzmite ga kao {markdown} ili {word} i doradite.",
        "en": "Pick a municipality. The draft lists strengths, weaknesses, clusters and the comparison "
        "with the district, the region and the peers, each statement with the figure and the rule it "
        "comes from. Download it as {markdown} or {word} and rework it.",
    },
    "agenda.page.pick": {"sr-Latn": "Opština", "en": "Municipality"},
    "agenda.page.markdown": {"sr-Latn": "Preuzmi {format}", "en": "Download {format}"},
    "agenda.page.docx": {"sr-Latn": "Preuzmi {format}", "en": "Download {format}"},
    "agenda.page.peers": {
        "sr-Latn": "Uporedive jedinice ({group}): {members}.",
        "en": "Peers ({group}): {members}.",
    },
    "agenda.page.no_units": {
        "sr-Latn": "Region nema nijednu jedinicu lokalne samouprave.",
        "en": "The region has no local government units.",
    },
    # ------------------------------------------------------------------ what-if (potential page)
    "whatif.title": {"sr-Latn": "Šta ako?", "en": "What if?"},
    "whatif.intro": {
        "sr-Latn": "Dodajte planirana ili zamišljena preduzeća i uporedite indeks, nivo i raspon rangova "
        "sa sadašnjim. Scenario postoji samo u adresi stranice; podaci se ne menjaju.",
        "en": "Add planned or hypothetical firms and compare the index, tier and rank range with the "
        "current ones. The scenario lives in the page's address only; the data are not changed.",
    },
    "whatif.municipality": {"sr-Latn": "Opština", "en": "Municipality"},
    "whatif.sector": {"sr-Latn": "Sektor", "en": "Sector"},
    "whatif.firms": {"sr-Latn": "Nova preduzeća", "en": "New firms"},
    "whatif.employees": {"sr-Latn": "Zaposleni u njima (ukupno)", "en": "Their employees (in all)"},
    "whatif.year": {"sr-Latn": "Godina osnivanja (neobavezno)", "en": "Founding year (optional)"},
    "whatif.add": {"sr-Latn": "Dodaj u scenario", "en": "Add to the scenario"},
    "whatif.clear": {"sr-Latn": "Obriši scenario", "en": "Clear the scenario"},
    "whatif.remove": {"sr-Latn": "Ukloni: {change}", "en": "Remove: {change}"},
    "whatif.change": {
        "sr-Latn": "{municipality}: {sector}, preduzeća +{firms}, zaposlenih +{employees}",
        "en": "{municipality}: {sector}, +{firms} firms, +{employees} employees",
    },
    "whatif.change_year": {"sr-Latn": ", osnovana {year}.", "en": ", founded {year}"},
    "whatif.empty": {
        "sr-Latn": "Scenario je prazan: izaberite opštinu i sektor, unesite broj preduzeća i dodajte "
        "promenu.",
        "en": "The scenario is empty: choose a municipality and a sector, enter a number of firms and add "
        "the change.",
    },
    "whatif.invalid": {
        "sr-Latn": "Promena nije dodata: potrebni su opština, sektor i broj preduzeća od 1 do {max} "
        "(scenario ima najviše {changes} promena).",
        "en": "The change was not added: it needs a municipality, a sector and 1 to {max} firms (a "
        "scenario holds at most {changes} changes).",
    },
    "whatif.added": {
        "sr-Latn": "Dodata preduzeća: {count}, samo u ovom prikazu; skladište podataka se ne menja.",
        "en": "Firms added: {count}, in this view only; the data store is not changed.",
    },
    "whatif.filtered": {
        "sr-Latn": "Analiza obuhvata samo izabrane sektore i veličine, pa se od preduzeća scenarija "
        "računaju samo ona koja im pripadaju.",
        "en": "The analysis covers the chosen sectors and sizes only, so only the scenario's firms "
        "among them count.",
    },
    "whatif.comparison": {"sr-Latn": "Sada i sa scenarijom", "en": "Now and with the scenario"},
    "whatif.now": {"sr-Latn": "sada", "en": "now"},
    "whatif.then": {"sr-Latn": "scenario", "en": "scenario"},
    "whatif.col.municipality": {"sr-Latn": "Opština", "en": "Municipality"},
    "whatif.indicators": {"sr-Latn": "Pokazatelji: {municipality}", "en": "Indicators: {municipality}"},
    "whatif.col.indicator": {"sr-Latn": "Pokazatelj", "en": "Indicator"},
    "whatif.col.now": {"sr-Latn": "Sada", "en": "Now"},
    "whatif.col.scenario": {"sr-Latn": "Sa scenarijom", "en": "With the scenario"},
    "whatif.col.difference": {"sr-Latn": "Razlika", "en": "Difference"},
    "whatif.points": {"sr-Latn": "{value} p. p.", "en": "{value} pp"},
    "whatif.changed_note": {
        "sr-Latn": "Podebljano: vrednosti koje scenario menja.",
        "en": "In bold: what the scenario changes.",
    },
    # ------------------------------------------------------------------ peers in profile and comparison
    "peers.title": {"sr-Latn": "Među uporedivim jedinicama", "en": "Among its peers"},
    "peers.compare_title": {"sr-Latn": "Među uporedivim jedinicama", "en": "Among their peers"},
    "peers.group_line": {
        "sr-Latn": "Uporedive jedinice ({group}): {members}.",
        "en": "Peers ({group}): {members}.",
    },
    "peers.rule_note": {
        "sr-Latn": "Rang 1 je najbolji; pravilo izbora uporedivih jedinica je na stranici Metodologija.",
        "en": "Rank 1 is the best; how peers are chosen is explained on the Methodology page.",
    },
    # ------------------------------------------------------------------ cultural places in the profile
    "culture.profile": {
        "sr-Latn": "Mesta kulture: {total}, {per_10000} na 10.000 stanovnika (region: {region}).",
        "en": "Cultural places: {total}, {per_10000} per 10,000 inhabitants (region: {region}).",
    },
    # ------------------------------------------------------------------ methodology section
    "methodology.beyond": {
        "sr-Latn": "Klasteri, uporedive jedinice, agende i scenariji",
        "en": "Clusters, peers, agendas and scenarios",
    },
    "methodology.beyond.clusters_title": {"sr-Latn": "Mikroklasteri", "en": "Microclusters"},
    "methodology.beyond.clusters": {
        "sr-Latn": "Klasteri se nalaze metodom DBSCAN (Ester i saradnici, 1996), kojom je i britanski "
        "Centar za politike i dokaze o kreativnim industrijama tražio mikroklastere: preduzeće je jezgro "
        "kada u krugu poluprečnika r oko njega ima najmanje n preduzeća (računajući i njega); jezgra na "
        "rastojanju do r čine jedan klaster, a preduzeće koje nije jezgro pridružuje se najbližem jezgru do "
        "kog ima najviše r. Klasteri sa manje od n preduzeća se izostavljaju. Rastojanja se mere u metrima "
        "u lokalnoj UTM zoni. Učestvuju samo preduzeća sa tačnom lokacijom ili lokacijom naselja; ona "
        "smeštena u sedište opštine se izostavljaju i njihov broj se navodi, jer bi inače svako sedište "
        "izgledalo kao klaster. Obris klastera je konveksni omotač njegovih preduzeća proširen za "
        "{buffer} m.",
        "en": "Clusters are found by DBSCAN (Ester et al., 1996), the method the UK Creative Industries "
        "Policy and Evidence Centre used for its microclusters: a firm is a core firm when at least n firms "
        "(itself included) lie within radius r of it; core firms within r of each other form one cluster, "
        "and a firm that is not core joins the nearest core firm within r. Clusters with fewer than n firms "
        "are dropped. Distances are measured in metres in the local UTM zone. Only firms located exactly or "
        "at their settlement take part; those placed at the municipal seat are left out and counted, since "
        "otherwise every seat would look like a cluster. A cluster's outline is the convex hull of its "
        "firms widened by {buffer} m.",
    },
    "methodology.beyond.clusters_defaults": {
        # r and n are the method's symbols (radius, least firms): Latin in either script.
        "sr-Cyrl": "Подразумевано ({file}): r = {radius} м, n = {min_size}. "
        "Полупречник од 500 м је центар села или "
        "градска четврт, па се радионице једног села могу удружити, а два села удаљена неколико "
        "километара не спајају се; 10 предузећа је мало према британских 50, јер су овде општине углавном"
        " мале и сеоске (8 од 15 има мање од 12.000 становника), па се десет креативних предузећа на "
        "једном месту већ истиче. На страници Кластери оба подешавања се могу мењати.",
        "sr-Latn": "Podrazumevano ({file}): r = {radius} m, n = {min_size}. Poluprečnik "
        "od 500 m je centar sela ili gradska četvrt, pa se radionice jednog sela mogu udružiti, a dva "
        "sela udaljena nekoliko kilometara ne spajaju se; 10 preduzeća je malo prema britanskih 50, jer "
        "su ovde opštine uglavnom male i seoske (8 od 15 ima manje od 12.000 stanovnika), pa se deset "
        "kreativnih preduzeća na jednom mestu već ističe. Na stranici Klasteri oba podešavanja se mogu "
        "menjati.",
        "en": "Defaults ({file}): r = {radius} m, n = {min_size}. 500 m is a village "
        "centre or a town quarter, so a village's workshops can form a cluster while two villages a few "
        "kilometres apart do not merge; 10 firms is small beside the UK's 50 because the municipalities "
        "here are mostly small and rural (8 of 15 under 12,000 inhabitants), where ten creative firms in "
        "one place already stand out. Both can be changed on the Clusters page.",
    },
    "methodology.beyond.peers_title": {"sr-Latn": "Uporedive jedinice", "en": "Peers"},
    "methodology.beyond.peers_ranks": {
        "sr-Latn": "Rang 1 je najbolji (najveća vrednost, ili najmanja gde je manja bolja); jednake "
        "vrednosti dele bolji rang, a jedinica bez vrednosti se ne rangira. Osim pokazatelja, rangira se "
        "i broj preduzeća svakog sektora na 1.000 stanovnika. Pravilo je u datoteci {file}.",
        "en": "Rank 1 is the best (the highest value, or the lowest where lower is better); equal values "
        "share the better rank, and a unit without a value is not ranked. Besides the indicators, each "
        "sector's enterprises per 1,000 inhabitants are ranked too. The rule is in {file}.",
    },
    "methodology.beyond.agenda_title": {"sr-Latn": "Nacrti agende", "en": "Agenda drafts"},
    "methodology.beyond.agenda": {
        "sr-Latn": "Tvrdnje nacrta slede pravila čiji su pragovi podaci u datoteci {file}; uz svaku "
        "tvrdnju nacrt navodi podatak i pravilo. Pravila sa sadašnjim pragovima:",
        "en": "The drafts' statements follow rules whose thresholds are data in {file}; every statement "
        "carries its figure and rule. The rules with their current thresholds:",
    },
    "methodology.beyond.whatif_title": {"sr-Latn": "Scenariji „šta ako“", "en": "What-if scenarios"},
    "methodology.beyond.whatif": {
        "sr-Latn": "Planirana preduzeća dodaju se podacima samo u memoriji i cela analiza se ponavlja istim "
        "funkcijama: pokazatelji, indeks, nivoi i rasponi rangova. Zaposleni jedne promene raspoređuju se "
        "na njena preduzeća što ravnomernije. Preduzeća bez godine osnivanja ne ulaze u rast; referentna "
        "godina perioda rasta ostaje ista. Scenario se nikada ne upisuje u skladište podataka; čuva se "
        "samo u adresi stranice (npr. {example}).",
        "en": "The planned firms are added to the data in memory only and the whole analysis is run "
        "again by the same functions: indicators, index, tiers and rank ranges. A change's employees are "
        "spread over its firms as evenly as whole numbers allow. Firms without a founding year do not "
        "count in growth; the growth window's reference year stays where it was. A scenario is never "
        "written to the data store; it lives in the page's address only (e.g. {example}).",
    },
    "methodology.beyond.culture_title": {"sr-Latn": "Mesta kulture", "en": "Cultural places"},
    "methodology.beyond.culture": {
        "sr-Latn": "Muzeji, galerije, pozorišta, bioskopi, kulturni centri, biblioteke i festivali po "
        "opštini, na 10.000 stanovnika (kao „kulturna živost“ u Monitoru kulturnih i kreativnih gradova "
        "Zajedničkog istraživačkog centra EU). "
        "Format je opisan u {readme}; svaki red mora da navede izvor.",
        "en": "Museums, galleries, theatres, cinemas, cultural centres, libraries and festivals per "
        "municipality, per 10,000 inhabitants (as the “cultural vibrancy” of the "
        "JRC Cultural and Creative Cities Monitor). The format is in {readme}; every row must name "
        "its source.",
    },
    "methodology.beyond.culture_none": {
        "sr-Latn": "Ovaj region još nema spisak mesta kulture sa navedenim izvorom, pa ih aplikacija ne "
        "prikazuje.",
        "en": "This region has no list of cultural places with a named source yet, so the app shows none.",
    },
    "methodology.beyond.culture_loaded": {
        "sr-Latn": "Učitano mesta kulture: {count} ({file}).",
        "en": "Cultural places loaded: {count} ({file}).",
    },
}
