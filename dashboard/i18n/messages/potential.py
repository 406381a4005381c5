"""Messages of the development-potential index: the indicator registry's words, the potential
page and the methodology page.

Keys ``indicator.<key>.*``, ``dimension.<key>.*``, ``unit.*``, ``source.*`` and ``symbol.*``
are read through ``dashboard/valorization/registry.py``; a test holds this catalogue to the
registry. Citations keep their original script in Cyrillic too, hence their explicit
``sr-Cyrl`` entries.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # Navigation and the explore page's potential filter
    "nav.potential": {"sr-Latn": "Potencijal", "en": "Potential"},
    "nav.methodology": {"sr-Latn": "Metodologija", "en": "Methodology"},
    "potential.tier_help": {
        "sr-Latn": "Indeks razvojnog potencijala sa podrazumevanim težinama (stranica Potencijal). "
        "Visok: gornja trećina raspona indeksa među opštinama; nizak: donja trećina.",
        "en": "The development-potential index with default weights (see the Potential page). "
        "High: top third of the index's range across municipalities; low: bottom third.",
    },
    # Indicators: name, definition, caveat
    "indicator.enterprises.name": {"sr-Latn": "Kreativna preduzeća", "en": "Creative enterprises"},
    "indicator.enterprises.definition": {
        "sr-Latn": "Broj mapiranih preduzeća čija je delatnost u taksonomiji kreativnih industrija.",
        "en": "The number of mapped enterprises whose activity is in the creative-industries taxonomy.",
    },
    "indicator.enterprises.caveat": {
        "sr-Latn": "Meri kritičnu masu, pa ide u prilog velikim opštinama; zato dimenzija veličine "
        "uz njega koristi i broj preduzeća na 1.000 stanovnika.",
        "en": "Measures critical mass and so favours large municipalities; the size dimension "
        "therefore pairs it with enterprises per 1,000 inhabitants.",
    },
    "indicator.enterprises_per_1000.name": {
        "sr-Latn": "Kreativna preduzeća na 1.000 stanovnika",
        "en": "Creative enterprises per 1,000 inhabitants",
    },
    "indicator.enterprises_per_1000.definition": {
        "sr-Latn": "Broj kreativnih preduzeća u odnosu na broj stanovnika: gustina kreativne "
        "privrede, uporediva između velikih i malih opština.",
        "en": "Creative enterprises relative to the population: the density of the creative "
        "economy, comparable between large and small municipalities.",
    },
    "indicator.enterprises_per_1000.caveat": {
        "sr-Latn": "U maloj opštini nekoliko preduzeća više ili manje primetno menja vrednost.",
        "en": "In a small municipality a few enterprises more or less change the value noticeably.",
    },
    "indicator.employees.name": {"sr-Latn": "Kreativni zaposleni", "en": "Creative employees"},
    "indicator.employees.definition": {
        "sr-Latn": "Zbir zaposlenih u mapiranim kreativnim preduzećima, kako su upisani u podacima.",
        "en": "The sum of the employees of the mapped creative enterprises, as the data give them.",
    },
    "indicator.employees.caveat": {
        "sr-Latn": "Preduzetnik bez zaposlenih se računa sa 0; svi zaposleni se pripisuju opštini "
        "sedišta preduzeća, i kada rade drugde.",
        "en": "An entrepreneur without staff counts as 0; all employees are attributed to the "
        "municipality of the enterprise's seat, even when they work elsewhere.",
    },
    "indicator.employees_per_1000.name": {
        "sr-Latn": "Kreativni zaposleni na 1.000 stanovnika",
        "en": "Creative employees per 1,000 inhabitants",
    },
    "indicator.employees_per_1000.definition": {
        "sr-Latn": "Broj zaposlenih u kreativnim preduzećima u odnosu na broj stanovnika.",
        "en": "Employees of creative enterprises relative to the population.",
    },
    "indicator.employees_per_1000.caveat": {
        "sr-Latn": "Jedno veće preduzeće može sam da odredi vrednost male opštine.",
        "en": "One larger enterprise can on its own set the value of a small municipality.",
    },
    "indicator.max_lq.name": {
        "sr-Latn": "Najjača specijalizacija (najveći LQ)",
        "en": "Strongest specialisation (highest LQ)",
    },
    "indicator.max_lq.definition": {
        "sr-Latn": "Najveći koeficijent lokalizacije među sektorima (među izabranim sektorima, ako "
        "su izabrani): koliko je puta najizraženiji sektor opštine zastupljeniji nego u regionu.",
        "en": "The highest location quotient among the sectors (among the chosen sectors, when "
        "some are chosen): how many times more present the municipality's most marked sector is "
        "than in the region.",
    },
    "indicator.max_lq.caveat": {
        "sr-Latn": "U opštini sa malo preduzeća nekoliko firmi može dati visok LQ; vinzorizacija "
        "ograničava takve vrednosti, a matrica specijalizacije prikazuje ceo profil.",
        "en": "In a municipality with few enterprises a handful of firms can give a high LQ; "
        "winsorisation caps such values, and the specialisation matrix shows the whole profile.",
    },
    "indicator.diversity.name": {"sr-Latn": "Raznovrsnost sektora", "en": "Sector diversity"},
    "indicator.diversity.definition": {
        "sr-Latn": "Šenonova entropija sektorske strukture preduzeća podeljena najvećom mogućom "
        "vrednošću, ln S: 0 kada su sva preduzeća u jednom sektoru, 1 kada su ravnomerno "
        "raspoređena po svim sektorima.",
        "sr-Cyrl": "Шенонова ентропија секторске структуре предузећа подељена највећом могућом "
        "вредношћу, ln S: 0 када су сва предузећа у једном сектору, 1 када су равномерно "
        "распоређена по свим секторима.",
        "en": "The Shannon entropy of the enterprises' sector mix divided by its largest possible "
        "value, ln S: 0 when every enterprise is in one sector, 1 when they are spread evenly "
        "over all sectors.",
    },
    "indicator.diversity.caveat": {
        "sr-Latn": "Raznovrsnost i specijalizacija su dva različita izvora razvoja, pa su posebne "
        "dimenzije sa sopstvenim težinama; nema vrednosti za opštinu bez preduzeća.",
        "en": "Diversity and specialisation are two different sources of development, so they are "
        "separate dimensions with their own weights; undefined for a municipality with no "
        "enterprises.",
    },
    "indicator.growth.name": {"sr-Latn": "Rast (nova preduzeća)", "en": "Growth (new enterprises)"},
    "indicator.growth.definition": {
        "sr-Latn": "Udeo preduzeća osnovanih u poslednjih W godina, zaključno sa referentnom "
        "godinom T, među preduzećima sa poznatom godinom osnivanja.",
        # Formula symbols stay Latin in Cyrillic text (T and W as in the formula).
        "sr-Cyrl": "Удео предузећа основаних у последњих W година, закључно са р"
        "еферентном годином T, међу предузећима са познатом годином оснивања.",
        "en": "The share of enterprises founded in the last W years up to and including the "
        "reference year T, among the enterprises with a known founding year.",
    },
    "indicator.growth.caveat": {
        "sr-Latn": "Podaci prikazuju preduzeća koja postoje danas: ugašena se ne vide, pa udeo "
        "novih precenjuje neto rast.",
        "en": "The data show the enterprises that exist today: closed ones are not seen, so the "
        "share of new ones overstates net growth.",
    },
    "indicator.average_size.name": {
        "sr-Latn": "Prosečna veličina preduzeća",
        "en": "Average enterprise size",
    },
    "indicator.average_size.definition": {
        "sr-Latn": "Prosečan broj zaposlenih po kreativnom preduzeću.",
        "en": "The average number of employees per creative enterprise.",
    },
    "indicator.average_size.caveat": {
        "sr-Latn": "Nije u indeksu: zaposlenost već ima svoju dimenziju. Prikazuje se radi "
        "poređenja opština i okruga.",
        "en": "Not in the index: employment already has its own dimension. Shown to compare "
        "municipalities and districts.",
    },
    "indicator.micro_share.name": {"sr-Latn": "Udeo mikro preduzeća", "en": "Share of micro firms"},
    "indicator.micro_share.definition": {
        "sr-Latn": "Udeo preduzeća sa manje od 10 zaposlenih.",
        "en": "The share of enterprises with fewer than 10 employees.",
    },
    "indicator.micro_share.caveat": {
        "sr-Latn": "Nije u indeksu: visok udeo može značiti živu preduzetničku scenu, ali i "
        "usitnjenost; smer (niže je bolje) odnosi se samo na kapacitet preduzeća.",
        "en": "Not in the index: a high share can mean a lively entrepreneurial scene as well as "
        "fragmentation; the direction (lower is better) concerns firm capacity only.",
    },
    "indicator.enterprises_per_km2.name": {
        "sr-Latn": "Kreativna preduzeća na km²",
        "en": "Creative enterprises per km²",
    },
    "indicator.enterprises_per_km2.definition": {
        "sr-Latn": "Broj kreativnih preduzeća po kvadratnom kilometru površine.",
        "en": "Creative enterprises per square kilometre of area.",
    },
    "indicator.enterprises_per_km2.caveat": {
        "sr-Latn": "Nije u indeksu: u velikim seoskim opštinama meri pre svega površinu, a ne "
        "kreativnu privredu.",
        "en": "Not in the index: in large rural municipalities it mostly measures the area, not "
        "the creative economy.",
    },
    "indicator.region_share.name": {"sr-Latn": "Udeo u regionu", "en": "Share of the region"},
    "indicator.region_share.definition": {
        "sr-Latn": "Udeo u svim kreativnim preduzećima regiona pod istim filterima.",
        "en": "The share of all the region's creative enterprises under the same filters.",
    },
    "indicator.region_share.caveat": {
        "sr-Latn": "Nije u indeksu: isti podatak kao broj preduzeća, izražen kao udeo.",
        "en": "Not in the index: the same information as the number of enterprises, as a share.",
    },
    "indicator.national_ratio.name": {
        "sr-Latn": "U odnosu na nacionalni nivo",
        "en": "Relative to the national level",
    },
    "indicator.national_ratio.definition": {
        "sr-Latn": "Kreativna preduzeća na 1.000 stanovnika podeljena nacionalnom referentnom "
        "vrednošću koju unese korisnik: 1 = nacionalni nivo, 2 = dvostruko više.",
        "en": "Creative enterprises per 1,000 inhabitants divided by the national reference "
        "value the user enters: 1 = the national level, 2 = twice as many.",
    },
    "indicator.national_ratio.caveat": {
        "sr-Latn": "Nije u indeksu: to je isti pokazatelj u drugoj jedinici i ne bi promenio "
        "indeks. Poređenje ima smisla samo ako je nacionalna vrednost dobijena po istoj "
        "definiciji kreativnih delatnosti.",
        "en": "Not in the index: it is the same indicator in another unit and would not change "
        "the index. The comparison is only meaningful when the national value uses the same "
        "definition of creative activities.",
    },
    "indicator.location_quotient.name": {
        "sr-Latn": "Koeficijent lokalizacije (LQ)",
        "en": "Location quotient (LQ)",
    },
    "indicator.location_quotient.definition": {
        "sr-Latn": "Udeo sektora u preduzećima opštine podeljen njegovim udelom u regionu, za "
        "svaki par opština × sektor; uvek u odnosu na sve sektore (filter sektora se ne primenjuje "
        "na imenilac).",
        "en": "A sector's share of the municipality's enterprises divided by its share in the "
        "region, for every municipality × sector pair; always measured against all sectors (the "
        "sector filter does not apply to the denominator).",
    },
    "indicator.location_quotient.caveat": {
        "sr-Latn": "Za ceo region LQ je 1 po definiciji; meri relativnu, ne apsolutnu snagu sektora.",
        "en": "For the whole region the LQ is 1 by definition; it measures a sector's relative, "
        "not absolute, strength.",
    },
    # Dimensions
    "dimension.size.name": {"sr-Latn": "Veličina", "en": "Size"},
    "dimension.size.definition": {
        "sr-Latn": "Koliko kreativne privrede ima: broj preduzeća i njihov broj na 1.000 stanovnika.",
        "en": "How much creative economy there is: enterprises, in total and per 1,000 inhabitants.",
    },
    "dimension.employment.name": {"sr-Latn": "Zaposlenost", "en": "Employment"},
    "dimension.employment.definition": {
        "sr-Latn": "Koliko ljudi radi u kreativnoj privredi: ukupno i na 1.000 stanovnika.",
        "en": "How many people work in the creative economy: in total and per 1,000 inhabitants.",
    },
    "dimension.specialisation.name": {"sr-Latn": "Specijalizacija", "en": "Specialisation"},
    "dimension.specialisation.definition": {
        "sr-Latn": "Da li opština ima izražen sektor, jači nego u regionu: osnov za klaster.",
        "en": "Whether the municipality has a marked sector, stronger than in the region: a basis "
        "for a cluster.",
    },
    "dimension.diversity.name": {"sr-Latn": "Raznovrsnost", "en": "Diversity"},
    "dimension.diversity.definition": {
        "sr-Latn": "Koliko su kreativne delatnosti raznovrsne: širina osnove za saradnju i nove kombinacije.",
        "en": "How varied the creative activities are: the breadth of the base for cooperation "
        "and new combinations.",
    },
    "dimension.dynamism.name": {"sr-Latn": "Dinamika", "en": "Dynamism"},
    "dimension.dynamism.definition": {
        "sr-Latn": "Koliko se kreativna privreda obnavlja: udeo nedavno osnovanih preduzeća.",
        "en": "How much the creative economy renews itself: the share of recently founded enterprises.",
    },
    # Units
    "unit.count": {"sr-Latn": "broj", "en": "number"},
    "unit.per_1000": {"sr-Latn": "na 1.000 stanovnika", "en": "per 1,000 inhabitants"},
    "unit.per_km2": {"sr-Latn": "na km²", "en": "per km²"},
    "unit.employees_per_firm": {"sr-Latn": "zaposlenih po preduzeću", "en": "employees per enterprise"},
    "unit.share": {"sr-Latn": "udeo (%)", "en": "share (%)"},
    "unit.ratio": {"sr-Latn": "količnik (1 = referentni nivo)", "en": "ratio (1 = the reference level)"},
    "unit.evenness": {
        "sr-Latn": "0–1 (1 = ravnomerno po svim sektorima)",
        "en": "0–1 (1 = spread evenly over all sectors)",
    },
    # Sources
    "source.enterprises": {
        "sr-Latn": "Mapirana kreativna preduzeća (tekući skup podataka, pod izabranim filterima)",
        "en": "Mapped creative enterprises (the current data set, under the chosen filters)",
    },
    "source.population": {
        "sr-Latn": "Referentna tabela opština: stanovništvo (izvor naveden za svaku opštinu)",
        "en": "Municipality reference table: population (source stated for each municipality)",
    },
    "source.area": {
        "sr-Latn": "Referentna tabela opština: površina (izvor naveden za svaku opštinu)",
        "en": "Municipality reference table: area (source stated for each municipality)",
    },
    "source.taxonomy": {
        "sr-Latn": "Taksonomija kreativnih sektora (šifre delatnosti po sektorima)",
        "en": "Creative-sector taxonomy (activity codes by sector)",
    },
    "source.national": {
        "sr-Latn": "Vrednost koju unosi korisnik (npr. iz nacionalnog mapiranja)",
        "en": "A value the user enters (e.g. from a national mapping)",
    },
    # Symbols of the formulas
    "symbol.N": {"sr-Latn": "broj kreativnih preduzeća", "en": "number of creative enterprises"},
    "symbol.E": {"sr-Latn": "broj njihovih zaposlenih", "en": "number of their employees"},
    "symbol.M": {
        "sr-Latn": "broj mikro preduzeća (manje od 10 zaposlenih)",
        "en": "number of micro firms (fewer than 10 employees)",
    },
    "symbol.P": {"sr-Latn": "broj stanovnika", "en": "population"},
    "symbol.A": {"sr-Latn": "površina u km²", "en": "area in km²"},
    "symbol.S": {"sr-Latn": "broj sektora u taksonomiji", "en": "number of sectors in the taxonomy"},
    "symbol.G": {
        "sr-Latn": "preduzeća osnovana u poslednjih W godina, zaključno sa godinom T",
        "sr-Cyrl": "предузећа основана у последњих W година, закључно са годином T",
        "en": "enterprises founded in the last W years, up to and including year T",
    },
    "symbol.D": {
        "sr-Latn": "preduzeća sa poznatom godinom osnivanja",
        "en": "enterprises with a known founding year",
    },
    "symbol.W": {
        "sr-Latn": "broj godina za rast (podešava se, podrazumevano 5)",
        "en": "number of years for growth (adjustable, 5 by default)",
    },
    "symbol.T": {
        "sr-Latn": "referentna godina: poslednja godina osnivanja u podacima",
        "en": "reference year: the latest founding year in the data",
    },
    "symbol.B": {
        "sr-Latn": "nacionalna referentna vrednost preduzeća na 1.000 stanovnika (unosi korisnik)",
        "en": "national reference value of enterprises per 1,000 inhabitants (entered by the user)",
    },
    "symbol.s": {"sr-Latn": "sektor", "en": "a sector"},
    "symbol.m": {"sr-Latn": "opština (ili okrug)", "en": "a municipality (or district)"},
    "symbol.R": {"sr-Latn": "ceo region", "en": "the whole region"},
    # The potential page
    "potential.title": {
        "sr-Latn": "Razvojni potencijal kreativnih industrija po opštinama",
        "en": "Creative-industry development potential by municipality",
    },
    "potential.intro": {
        "sr-Latn": "Indeks sabira pet dimenzija sa težinama koje možete menjati. Mapa, rang-lista i "
        "grafikoni se odmah osvežavaju; raspon ranga pokazuje koliko je pozicija stabilna.",
        "en": "The index combines five dimensions with weights you can change. The map, the "
        "ranking and the charts update at once; the rank range shows how solid a position is.",
    },
    "potential.weights": {"sr-Latn": "Težine dimenzija", "en": "Dimension weights"},
    "potential.controls": {"sr-Latn": "Težine i podešavanja", "en": "Weights and settings"},
    "potential.weights_help": {
        "sr-Latn": "Težine se svode na zbir 100 %; procenat pored naziva je udeo u indeksu.",
        "en": "Weights are rescaled to sum to 100%; the percentage beside each name is its share "
        "of the index.",
    },
    "potential.reset": {"sr-Latn": "Vrati podrazumevane težine", "en": "Reset to default weights"},
    "potential.settings": {"sr-Latn": "Podešavanja", "en": "Settings"},
    "potential.method": {"sr-Latn": "Normalizacija", "en": "Normalisation"},
    "method.minmax": {"sr-Latn": "Min–maks (0–100)", "en": "Min–max (0–100)"},
    "method.zscore": {"sr-Latn": "z-vrednosti", "sr-Cyrl": "z-вредности", "en": "z-scores"},
    "potential.growth_years": {
        "sr-Latn": "Rast: nova preduzeća u poslednjih (godina)",
        "en": "Growth: new enterprises in the last (years)",
    },
    "potential.national": {
        "sr-Latn": "Nacionalna vrednost: preduzeća na 1.000 stanovnika",
        "en": "National value: enterprises per 1,000 inhabitants",
    },
    "potential.national_placeholder": {"sr-Latn": "npr. 1,4", "en": "e.g. 1.4"},
    "potential.national_help": {
        "sr-Latn": "Kada je upišete, rang-lista i profil opštine pokazuju koliko je puta opština "
        "iznad ili ispod nacionalnog nivoa.",
        "en": "Once entered, the ranking and the municipality profile show how many times above "
        "or below the national level each municipality is.",
    },
    "potential.sectors_help": {
        "sr-Latn": "Indeks se računa samo od preduzeća izabranih sektora i veličina; prazno = sva.",
        "en": "The index uses only the enterprises of the chosen sectors and sizes; empty = all.",
    },
    "potential.map_shows": {"sr-Latn": "Mapa prikazuje", "en": "The map shows"},
    "potential.index": {"sr-Latn": "Indeks potencijala", "en": "Potential index"},
    "potential.index_z": {
        "sr-Latn": "Indeks potencijala (z)",
        "sr-Cyrl": "Индекс потенцијала (z)",
        "en": "Potential index (z)",
    },
    "potential.ranking": {"sr-Latn": "Rang-lista", "en": "Ranking"},
    "potential.col.rank": {"sr-Latn": "Rang", "en": "Rank"},
    "potential.col.score": {"sr-Latn": "Indeks", "en": "Index"},
    "potential.col.tier": {"sr-Latn": "Potencijal", "en": "Tier"},
    "potential.col.range": {"sr-Latn": "Raspon ranga", "en": "Rank range"},
    "potential.col.national": {"sr-Latn": "× nacionalni nivo", "en": "× national"},
    "potential.robustness_help": {
        "sr-Latn": "Raspon ranga: rangovi koje opština zauzima u srednjih {coverage} od {draws} "
        "slučajnih skupova težina oko izabranih (Dirihleova raspodela). Uzak raspon znači "
        "stabilnu poziciju.",
        "en": "Rank range: the ranks a municipality takes in the middle {coverage} of {draws} "
        "random weightings around the chosen ones (Dirichlet distribution). A narrow range is a "
        "solid position.",
    },
    "potential.breakdown": {
        "sr-Latn": "Šta svaka dimenzija doprinosi indeksu",
        "en": "What each dimension contributes to the index",
    },
    "potential.breakdown_axis": {"sr-Latn": "Doprinos indeksu", "en": "Contribution to the index"},
    "potential.lq_title": {
        "sr-Latn": "Sektorska specijalizacija: koeficijent lokalizacije po opštinama",
        "en": "Sector specialisation: location quotients by municipality",
    },
    "potential.lq_help": {
        "sr-Latn": "1 = sektor je zastupljen kao u celom regionu; narandžasto: više nego u regionu; "
        "ljubičasto: manje.",
        "en": "1 = the sector is as present as in the whole region; orange: more than in the "
        "region; purple: less.",
    },
    "potential.profile": {"sr-Latn": "Profil opštine", "en": "Municipality profile"},
    "potential.profile_pick": {
        "sr-Latn": "Izaberite opštinu (ili kliknite na mapu)",
        "en": "Choose a municipality (or click the map)",
    },
    "potential.col.indicator": {"sr-Latn": "Pokazatelj", "en": "Indicator"},
    "potential.col.value": {"sr-Latn": "Vrednost", "en": "Value"},
    "potential.col.points": {"sr-Latn": "Ocena", "en": "Score"},
    "potential.col.district": {"sr-Latn": "Okrug", "en": "District"},
    "potential.col.region": {"sr-Latn": "Region", "en": "Region"},
    "potential.profile_summary": {
        "sr-Latn": "Indeks {score} · rang {rank} od {count} · raspon ranga {best}–{worst}",
        "en": "Index {score} · rank {rank} of {count} · rank range {best}–{worst}",
    },
    "potential.levels": {
        "sr-Latn": "Pokazatelji po okruzima i za ceo region",
        "en": "Indicators by district and for the whole region",
    },
    "potential.col.unit": {"sr-Latn": "Jedinica", "en": "Unit"},
    "potential.reference_year": {
        "sr-Latn": "Referentna godina za rast: {year}.",
        "en": "Reference year for growth: {year}.",
    },
    "potential.no_enterprises": {
        "sr-Latn": "Nema preduzeća za izabrane sektore i veličine: indeks nema šta da uporedi.",
        "en": "No enterprises for the chosen sectors and sizes: the index has nothing to compare.",
    },
    "potential.methodology_link": {
        "sr-Latn": "Kako se računa: metodologija",
        "en": "How it is computed: methodology",
    },
    "potential.weight_label": {
        "sr-Latn": "Težina dimenzije {dimension}",
        "en": "Weight of the {dimension} dimension",
    },
    # The methodology page
    "methodology.title": {
        "sr-Latn": "Metodologija: pokazatelji i indeks razvojnog potencijala",
        "en": "Methodology: indicators and the development-potential index",
    },
    "methodology.intro": {
        "sr-Latn": "Ova stranica se sastavlja iz istog registra pokazatelja koji koristi "
        "aplikacija, pa uvek opisuje ono što se zaista računa. Svi pokazatelji se računaju za "
        "opštine, okruge i ceo region; okruzi i region se dobijaju sabiranjem brojeva opština, a "
        "zatim se računaju odnosi.",
        "en": "This page is built from the same indicator registry the application computes "
        "with, so it always describes what is actually computed. Every indicator is computed "
        "for the municipalities, the districts and the whole region; districts and the region "
        "add up the municipalities' counts before the ratios are taken.",
    },
    "methodology.indicators": {"sr-Latn": "Pokazatelji", "en": "Indicators"},
    "methodology.field.definition": {"sr-Latn": "Definicija", "en": "Definition"},
    "methodology.field.formula": {"sr-Latn": "Formula", "en": "Formula"},
    "methodology.field.unit": {"sr-Latn": "Jedinica", "en": "Unit"},
    "methodology.field.source": {"sr-Latn": "Izvor", "en": "Source"},
    "methodology.field.direction": {"sr-Latn": "Smer", "en": "Direction"},
    "methodology.field.dimension": {"sr-Latn": "Dimenzija indeksa", "en": "Index dimension"},
    "methodology.field.caveat": {"sr-Latn": "Napomena", "en": "Caveat"},
    "methodology.direction.up": {"sr-Latn": "viša vrednost je bolja", "en": "higher is better"},
    "methodology.direction.down": {"sr-Latn": "niža vrednost je bolja", "en": "lower is better"},
    "methodology.context_only": {
        "sr-Latn": "nije u indeksu (samo za kontekst)",
        "en": "not in the index (context only)",
    },
    "methodology.matrix": {
        "sr-Latn": "matrica opština × sektor (prikazuje se kao toplotna mapa)",
        "en": "municipality × sector matrix (shown as a heatmap)",
    },
    "methodology.symbols": {"sr-Latn": "Oznake u formulama", "en": "Symbols in the formulas"},
    "methodology.index": {
        "sr-Latn": "Kako se računa indeks",
        "en": "How the index is computed",
    },
    "methodology.step.orient": {
        "sr-Latn": "Usmeravanje: pokazatelji kod kojih je niža vrednost bolja množe se sa −1, "
        "tako da je viša vrednost uvek bolja.",
        "en": "Orientation: indicators where lower is better are multiplied by −1, so that "
        "higher is always better.",
    },
    "methodology.step.winsorise": {
        "sr-Latn": "Vinzorizacija: svaki pokazatelj se ograničava na svoj {lower}. i {upper}. "
        "percentil među opštinama (linearna interpolacija). Tako jedna izuzetna vrednost, "
        "najčešće regionalni centar, ne sabija sve ostale na dno skale. Ograničavanje na "
        "percentile čuva monotonost: bolja vrednost nikada ne smanjuje ocenu.",
        "en": "Winsorisation: each indicator is clipped to its {lower}th and {upper}th percentile "
        "across the municipalities (linear interpolation). One exceptional value, typically the "
        "regional centre, then cannot squeeze all the others to the bottom of the scale. "
        "Clipping to percentiles keeps the index monotone: a better value never lowers a score.",
    },
    "methodology.step.fill": {
        "sr-Latn": "Nedostajuće vrednosti: pokazatelj koji se ne može izračunati (npr. prosek "
        "kada nema preduzeća) dobija najnižu zabeleženu vrednost tog pokazatelja.",
        "en": "Missing values: an indicator that cannot be computed (e.g. an average with no "
        "enterprises) takes the lowest observed value of that indicator.",
    },
    "methodology.step.normalise": {
        "sr-Latn": "Normalizacija: podrazumevano min–maks, (x − min) / (max − min) × 100, tako "
        "da najslabija opština ima 0, a najjača 100; po izboru z-vrednost, (x − prosek) / "
        "standardna devijacija. Oba načina daju isti rezultat u bilo kojoj jedinici (na 1.000 "
        "ili na 100.000 stanovnika). Pokazatelj jednak svuda daje svima 50 (odnosno 0).",
        "sr-Cyrl": "Нормализација: подразумевано мин–макс, (x − min) / (max − min) × 100, тако "
        "да најслабија општина има 0, а најјача 100; по избору z-вредност, (x − просек) / "
        "стандардна девијација. Оба начина дају исти резултат у било којој јединици (на 1.000 "
        "или на 100.000 становника). Показатељ једнак свуда даје свима 50 (односно 0).",
        "en": "Normalisation: min–max by default, (x − min) / (max − min) × 100, so that the "
        "weakest municipality has 0 and the strongest 100; optionally z-scores, (x − mean) / "
        "standard deviation. Both give the same result in any unit (per 1,000 or per 100,000 "
        "inhabitants). An indicator equal everywhere gives everyone 50 (or 0).",
    },
    "methodology.step.dimensions": {
        "sr-Latn": "Dimenzije: ocena dimenzije je prosek normalizovanih pokazatelja koji joj "
        "pripadaju (jednake težine unutar dimenzije).",
        "en": "Dimensions: a dimension's score is the mean of its normalised indicators (equal "
        "weights within a dimension).",
    },
    "methodology.step.aggregate": {
        "sr-Latn": "Agregacija: indeks je ponderisani zbir ocena dimenzija; težine su "
        "nenegativne i svode se na zbir 1. Ako su sve težine 0, sve dimenzije dobijaju istu težinu.",
        "en": "Aggregation: the index is the weighted sum of the dimension scores; weights are "
        "non-negative and rescaled to sum to 1. If every weight is 0, all dimensions weigh the "
        "same.",
    },
    "methodology.step.tiers": {
        "sr-Latn": "Nivoi potencijala: raspon između najniže i najviše vrednosti indeksa deli se "
        "na trećine. Visok: od {high} % raspona naviše; srednji: od {low} % do {high} %; nizak: "
        "ispod {low} %. Deli se raspon, a ne rang-lista, pa opštine bliskih vrednosti dele nivo. "
        "Filter potencijala na mapi koristi podrazumevane težine i sva preduzeća.",
        "en": "Potential tiers: the range between the lowest and the highest index value is cut "
        "into thirds. High: from {high}% of the range up; medium: from {low}% to {high}%; low: "
        "below {low}%. The range is cut, not the ranking, so municipalities with close values "
        "share a tier. The map's potential filter uses the default weights and all enterprises.",
    },
    "methodology.step.robustness": {
        "sr-Latn": "Robusnost: indeks se ponovo računa za {draws} slučajnih skupova težina iz "
        "Dirihleove raspodele sa središtem u izabranim težinama (koncentracija {concentration}; "
        "dimenzija sa težinom 0 ostaje 0; fiksno seme, pa su rezultati ponovljivi). Raspon ranga "
        "su rangovi u srednjih {coverage} tih skupova (od 5. do 95. percentila), kao intervali "
        "rangova u statističkom aneksu Monitora kulturnih i kreativnih gradova (JRC).",
        "en": "Robustness: the index is recomputed for {draws} random weightings drawn from a "
        "Dirichlet distribution centred on the chosen weights (concentration {concentration}; a "
        "dimension weighted 0 stays at 0; fixed seed, so the results are reproducible). The rank "
        "range is the ranks in the middle {coverage} of those weightings (5th to 95th "
        "percentile), like the rank intervals in the statistical annex of the JRC Cultural and "
        "Creative Cities Monitor.",
    },
    "methodology.dimensions": {
        "sr-Latn": "Dimenzije i podrazumevane težine",
        "en": "Dimensions and default weights",
    },
    "methodology.col.dimension": {"sr-Latn": "Dimenzija", "en": "Dimension"},
    "methodology.col.weight": {"sr-Latn": "Podrazumevana težina", "en": "Default weight"},
    "methodology.col.indicators": {"sr-Latn": "Pokazatelji", "en": "Indicators"},
    "methodology.weights_rationale": {
        "sr-Latn": "Polovina težine pripada kreativnoj privredi koja već postoji (veličina i "
        "zaposlenost), polovina njenom profilu i zamahu (specijalizacija, raznovrsnost, rast), "
        "slično podeli 40/40/20 u Monitoru kulturnih i kreativnih gradova. To je procena, a ne "
        "merenje: težine se menjaju klizačima, a raspon ranga pokazuje koliko rang od njih zavisi.",
        "en": "Half of the weight goes to the creative economy that already exists (size and "
        "employment), half to its profile and momentum (specialisation, diversity, growth), "
        "similar to the 40/40/20 split of the Cultural and Creative Cities Monitor. It is a "
        "judgement, not a measurement: the sliders change the weights, and the rank range shows "
        "how much a rank depends on them.",
    },
    "methodology.caveats": {"sr-Latn": "Ograničenja", "en": "Limitations"},
    "methodology.caveat.relative": {
        "sr-Latn": "Indeks je relativan: poredi opštine regiona međusobno. Vrednost 100 znači "
        "„najbolja u regionu”, a ne „dovoljno”; za poređenje sa zemljom služi nacionalna "
        "referentna vrednost.",
        "en": "The index is relative: it compares the region's municipalities with one another. "
        "A value of 100 means “best in the region”, not “enough”; the national reference value "
        "is there for comparisons with the country.",
    },
    "methodology.caveat.small_numbers": {
        "sr-Latn": "Male opštine imaju malo preduzeća, pa su njihovi udeli i koeficijenti "
        "lokalizacije nestabilni; vinzorizacija i raspon ranga to ublažavaju, ali ne uklanjaju.",
        "en": "Small municipalities have few enterprises, so their shares and location quotients "
        "are unstable; winsorisation and the rank range soften this but do not remove it.",
    },
    "methodology.caveat.coverage": {
        "sr-Latn": "Pokazatelji su dobri koliko i podaci o preduzećima: delatnost iz registra ne "
        "mora biti stvarna delatnost, a zaposleni se vode u sedištu preduzeća.",
        "en": "The indicators are as good as the enterprise data: the registered activity need "
        "not be the actual one, and employees are counted at the enterprise's seat.",
    },
    "methodology.caveat.demo": {
        "sr-Latn": "Podrazumevana preduzeća su sintetička (demonstracioni podaci): vrednosti na "
        "ovim stranicama pokazuju metodu, a ne stanje u opštinama.",
        "en": "The default enterprises are synthetic (demonstration data): the values on these "
        "pages show the method, not the situation in the municipalities.",
    },
    "methodology.references": {"sr-Latn": "Literatura", "en": "References"},
    "methodology.reference.jrc": {
        "sr-Latn": "Montalto, V. et al. (2019). The Cultural and Creative Cities Monitor, 2019 "
        "edition. Luxembourg: Publications Office of the European Union (JRC).",
        "sr-Cyrl": "Montalto, V. et al. (2019). The Cultural and Creative Cities Monitor, 2019 "
        "edition. Luxembourg: Publications Office of the European Union (JRC).",
        "en": "Montalto, V. et al. (2019). The Cultural and Creative Cities Monitor, 2019 "
        "edition. Luxembourg: Publications Office of the European Union (JRC).",
    },
    "methodology.reference.handbook": {
        "sr-Latn": "OECD, JRC (2008). Handbook on Constructing Composite Indicators: Methodology "
        "and User Guide. Paris: OECD Publishing.",
        "sr-Cyrl": "OECD, JRC (2008). Handbook on Constructing Composite Indicators: Methodology "
        "and User Guide. Paris: OECD Publishing.",
        "en": "OECD, JRC (2008). Handbook on Constructing Composite Indicators: Methodology and "
        "User Guide. Paris: OECD Publishing.",
    },
    "methodology.data_sources": {
        "sr-Latn": "Izvori podataka ovog regiona",
        "en": "This region's data sources",
    },
}
