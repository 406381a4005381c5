"""Messages of the importer (command line and web import page), its problems and the export."""

MESSAGES: dict[str, dict[str, str]] = {
    "nav.import": {"sr-Latn": "Uvoz podataka", "en": "Import data"},
    # Report
    "import.severity.error": {"sr-Latn": "greška", "en": "error"},
    "import.severity.warning": {"sr-Latn": "upozorenje", "en": "warning"},
    "import.report.file": {"sr-Latn": "Datoteka", "en": "File"},
    "import.report.row": {"sr-Latn": "Red", "en": "Row"},
    "import.report.column": {"sr-Latn": "Kolona", "en": "Column"},
    "import.report.value": {"sr-Latn": "Vrednost", "en": "Value"},
    "import.report.severity": {"sr-Latn": "Vrsta", "en": "Severity"},
    "import.report.reason": {"sr-Latn": "Razlog", "en": "Reason"},
    "import.by_reason": {"sr-Latn": "Problemi po razlogu:", "en": "Problems by reason:"},
    "import.placement": {
        "sr-Latn": "Smeštaj na mapi: {exact} po datim koordinatama, {settlement} u naselju, "
        "{municipality} u sedištu opštine.",
        "en": "Placed on the map: {exact} at their coordinates, {settlement} at their settlement, "
        "{municipality} at the municipal seat.",
    },
    # Counts follow a label ("errors: 1"), so no noun has to agree with its number (Serbian
    # has three plural forms; English two).
    "import.outcome.file_rejected": {
        "sr-Latn": "Datoteka se ne može koristiti (greške: {errors}): ništa nije promenjeno.",
        "en": "A file cannot be used (errors: {errors}): nothing was changed.",
    },
    "import.outcome.rejected": {
        "sr-Latn": "Ništa nije promenjeno. Redovi sa greškama: {rejected} od {rows} (greške: {errors}). "
        "Ispravite ih ili izaberite preskakanje neispravnih redova; ispravni redovi: {accepted}.",
        "en": "Nothing was changed. Rows with errors: {rejected} of {rows} (errors: {errors}). Correct "
        "them, or choose to skip invalid rows; valid rows: {accepted}.",
    },
    "import.outcome.empty": {
        "sr-Latn": "Nijedan red nije ispravan: ništa nije promenjeno.",
        "en": "No row is valid: nothing was changed.",
    },
    "import.outcome.checked": {
        "sr-Latn": "Provereni redovi: {rows}; ispravni: {accepted} (novi: {added}, izmene: {updated}); "
        "odbijeni: {rejected}; upozorenja: {warnings}. Ništa još nije sačuvano.",
        "en": "Rows checked: {rows}; valid: {accepted} (new: {added}, updates: {updated}); rejected: "
        "{rejected}; warnings: {warnings}. Nothing is stored yet.",
    },
    "import.outcome.checked_skip": {
        "sr-Latn": "Provereni redovi: {rows}; biće sačuvani ispravni: {accepted} (novi: {added}, izmene: "
        "{updated}); biće preskočeni neispravni: {rejected} (greške: {errors}). Ništa još nije sačuvano.",
        "en": "Rows checked: {rows}; valid, to be stored: {accepted} (new: {added}, updates: {updated}); "
        "invalid, to be skipped: {rejected} (errors: {errors}). Nothing is stored yet.",
    },
    "import.outcome.committed": {
        "sr-Latn": "Sačuvana preduzeća: {accepted} (nova: {added}, izmenjena: {updated}); odbijeni redovi: "
        "{rejected}; upozorenja: {warnings}.",
        "en": "Enterprises stored: {accepted} (new: {added}, updated: {updated}); rows rejected: "
        "{rejected}; warnings: {warnings}.",
    },
    # Command line
    "import.progress.read": {
        "sr-Latn": "Čitanje datoteka: {done}/{total}",
        "en": "Reading files: {done}/{total}",
    },
    "import.progress.validate": {
        "sr-Latn": "Provera redova: {done} od {total}",
        "en": "Checking rows: {done} of {total}",
    },
    "import.progress.store": {
        "sr-Latn": "Upisivanje u skladište {store}…",
        "en": "Writing to the store {store}…",
    },
    "import.report_written": {
        "sr-Latn": "Izveštaj o proveri: {path}",
        "en": "Validation report: {path}",
    },
    "import.no_store": {
        "sr-Latn": "Skladište nije podešeno (CIM_STORE ili DATABASE_URL).",
        "sr-Cyrl": "Складиште није подешено (CIM_STORE или DATABASE_URL).",
        "en": "No store is configured (CIM_STORE or DATABASE_URL).",
    },
    "import.store_failed": {
        "sr-Latn": "Upis u skladište nije uspeo, ništa nije promenjeno: {error}",
        "en": "Writing the store failed and nothing was changed: {error}",
    },
    "import.history.empty": {"sr-Latn": "Još nema uvoza.", "en": "No imports yet."},
    # Web import page
    "import.title": {"sr-Latn": "Uvoz podataka o preduzećima", "en": "Import enterprise data"},
    "import.intro": {
        "sr-Cyrl": "Изводи из регистра и анкете општина: CSV (UTF-8 или Windows-1250, зарез или "
        "тачка-зарез), XLSX, GeoJSON или GeoPackage, са заглављима на српском (латиница или ћирилица) "
        "или енглеском. Датотека се прво проверава; ништа се не чува док уредник то не потврди.",
        "sr-Latn": "Izvodi iz registra i ankete opština: CSV (UTF-8 ili Windows-1250, zarez ili "
        "tačka-zarez), "
        "XLSX, GeoJSON ili GeoPackage, sa zaglavljima na srpskom (latinica ili ćirilica) ili engleskom. "
        "Datoteka se prvo proverava; ništa se ne čuva dok urednik to ne potvrdi.",
        "en": "Register extracts and municipal surveys: CSV (UTF-8 or Windows-1250, comma or semicolon), "
        "XLSX, GeoJSON or GeoPackage, with headers in Serbian (Latin or Cyrillic) or English. A file is "
        "checked first; nothing is stored until an editor confirms.",
    },
    "import.mapping_upload": {
        "sr-Latn": "Po želji: datoteka mapiranja kolona (TOML ili CSV) – kliknite da je dodate",
        "en": "Optional: a column mapping file (TOML or CSV) – click to add it",
    },
    "import.upload": {
        "sr-Latn": "Prevucite datoteke ovde ili kliknite da ih izaberete (više odjednom se uvoze zajedno)",
        "en": "Drag files here or click to choose them (several at once are imported together)",
    },
    "import.limit": {
        "sr-Latn": "Najveća veličina: {size} MB za sve datoteke zajedno.",
        "en": "Largest upload accepted: {size} MB for all files together.",
    },
    "import.store_label": {"sr-Latn": "Skladište: {store}", "en": "Store: {store}"},
    "import.token": {"sr-Latn": "Urednička lozinka", "en": "Editor credential"},
    "import.skip_invalid": {
        "sr-Latn": "Sačuvaj ispravne redove i preskoči neispravne",
        "en": "Store the valid rows and skip the invalid ones",
    },
    "import.commit": {"sr-Latn": "Sačuvaj u skladište", "en": "Store"},
    "import.wrong_token": {
        "sr-Latn": "Urednička lozinka nije tačna: ništa nije sačuvano.",
        "en": "The editor credential is wrong: nothing was stored.",
    },
    "import.too_large": {
        "sr-Latn": "Datoteka je veća od {size} MB i nije učitana.",
        "en": "The file is larger than {size} MB and was not read.",
    },
    "import.no_file": {"sr-Latn": "Izaberite datoteku za proveru.", "en": "Choose a file to check."},
    "import.checked_file": {"sr-Latn": "Provereno: {file}", "en": "Checked: {file}"},
    "import.download_report": {"sr-Latn": "Preuzmi izveštaj (CSV)", "en": "Download the report (CSV)"},
    "import.preview_title": {"sr-Latn": "Šta bi bilo dodato", "en": "What would be added"},
    "import.preview_shown": {
        "sr-Latn": "Na mapi: {shown} (ispravni redovi: {total}).",
        "en": "On the map: {shown} (valid rows: {total}).",
    },
    "import.new": {"sr-Latn": "Novo", "en": "New"},
    "import.update": {"sr-Latn": "Izmena postojećeg", "en": "Update of a stored one"},
    "import.problems_title": {"sr-Latn": "Problemi: {count}", "en": "Problems: {count}"},
    "import.no_problems": {"sr-Latn": "Nema problema.", "en": "No problems found."},
    "import.stored_reload": {
        "sr-Latn": "Mapa sada prikazuje sačuvane podatke.",
        "en": "The map now shows the stored data.",
    },
    "import.history": {"sr-Latn": "Istorija uvoza", "en": "Import history"},
    "import.history.time": {"sr-Latn": "Vreme (UTC)", "en": "Time (UTC)"},
    "import.history.file": {"sr-Latn": "Datoteka", "en": "File"},
    "import.history.sha256": {"sr-Latn": "SHA-256", "en": "SHA-256"},
    "import.history.rows": {"sr-Latn": "Redova", "en": "Rows"},
    "import.history.added": {"sr-Latn": "Dodato", "en": "Added"},
    "import.history.updated": {"sr-Latn": "Izmenjeno", "en": "Updated"},
    "import.history.rejected": {"sr-Latn": "Odbijeno", "en": "Rejected"},
    "import.format_help": {
        "sr-Latn": "Obavezne kolone: matični broj, poslovno ime, šifra delatnosti, opština, broj zaposlenih. "
        "Po izboru: mesto, adresa, koordinate (WGS84), godina osnivanja, pravna forma, izvor.",
        "en": "Required columns: registration number, business name, activity code, municipality, "
        "employees. Optional: settlement, address, coordinates (WGS84), founding year, legal form, source.",
    },
    # Problems found by the importer (Problem.code)
    "problem.nace_coarse": {
        "sr-Latn": "Šifra je grupa ili oblast, ne klasa delatnosti; sektor ({sector}) je izveden jer sve "
        "kreativne klase pod njom pripadaju tom sektoru.",
        "en": "The code is a group or division, not a 4-digit class; the sector ({sector}) was inferred "
        "because every creative class under it belongs to that sector.",
    },
    "problem.nace_ambiguous": {
        "sr-Latn": "Šifra je grupa ili oblast čije kreativne klase pripadaju različitim sektorima: navedite "
        "četvorocifrenu klasu.",
        "en": "The code is a group or division whose creative classes belong to different sectors: give the "
        "4-digit class.",
    },
    "problem.geometry_not_point": {
        "sr-Latn": "Geometrija nije tačka.",
        "en": "The geometry is not a point.",
    },
    "problem.registration_number_padded": {
        "sr-Latn": "Matični broj ima manje od {digits} cifara (nule sa početka su izgubljene, "
        "npr. u tabeli gde je upisan kao broj); dopunjen je nulama.",
        "en": "The registration number has fewer than {digits} digits (its leading zeros were lost, "
        "e.g. in a spreadsheet that stored it as a number); it was padded with zeros.",
    },
    "problem.geometry_not_line": {
        "sr-Latn": "Geometrija nije linija (reka ili put); izostavljena je sa mape.",
        "en": "The geometry is not a line (a river or road); it is left off the map.",
    },
    "problem.unsupported_format": {
        "sr-Cyrl": "Формат датотеке није подржан: користите CSV, XLSX, GeoJSON или GeoPackage (стару .xls "
        "датотеку сачувајте као .xlsx).",
        "sr-Latn": "Format datoteke nije podržan: koristite CSV, XLSX, GeoJSON ili GeoPackage (staru .xls "
        "datoteku sačuvajte kao .xlsx).",
        "en": "The file format is not supported: use CSV, XLSX, GeoJSON or GeoPackage (save an old .xls "
        "file as .xlsx).",
    },
    "problem.file_too_large": {
        "sr-Latn": "Datoteka (ili sve datoteke zajedno) veća je od dozvoljenih {limit} MB.",
        "en": "The file (or all files together) is larger than the {limit} MB allowed.",
    },
    "problem.no_rows": {"sr-Latn": "Datoteka nema redova sa podacima.", "en": "The file has no data rows."},
    "problem.column_ambiguous": {
        "sr-Latn": "Više kolona znači isto polje; navedite u datoteci mapiranja koju koristiti.",
        "en": "Several columns mean the same field; say in a mapping file which one to use.",
    },
    "problem.column_ignored": {
        "sr-Latn": "Kolona nije prepoznata i ne uvozi se (datoteka mapiranja je može dodeliti polju).",
        "en": "The column is not recognised and is not imported (a mapping file can assign it to a field).",
    },
    "problem.mapping_invalid": {
        "sr-Latn": "Datoteka mapiranja nije ispravna.",
        "en": "The mapping file is not valid.",
    },
    "problem.other_layers_ignored": {
        "sr-Latn": "Uvezen je samo sloj {layer}; ostali slojevi nisu (datoteka mapiranja može izabrati "
        "sloj).",
        "en": "Only the layer {layer} was imported, not the others (a mapping file can choose the layer).",
    },
    # hostile and wrong input (issue 12)
    "problem.registration_number_spaces": {
        "sr-Latn": "Razmaci u matičnom broju su uklonjeni.",
        "en": "Spaces in the registration number were removed.",
    },
    "problem.registration_number_not_digits": {
        "sr-Latn": "Matični broj ima tačno {digits} cifara 0–9.",
        "en": "A registration number has exactly {digits} digits 0–9.",
    },
    "problem.registration_number_invalid": {
        "sr-Cyrl": "Матични број сме да садржи само слова A–Z, цифре 0–9 и знаке - / . (највише 40 знакова).",
        "sr-Latn": "Matični broj sme da sadrži samo slova A–Z, cifre 0–9 i znake - / . (najviše 40 znakova).",
        "en": "A registration number may hold only letters A–Z, digits 0–9 and - / . "
        "(at most 40 characters).",
    },
    "problem.employees_implausible": {
        "sr-Latn": "Broj zaposlenih je veći od {limit}, što nije verovatno za jedno preduzeće.",
        "en": "The number of employees is larger than {limit}: not plausible for one enterprise.",
    },
    "problem.founding_date_impossible": {
        "sr-Latn": "Datum osnivanja ne postoji u kalendaru (npr. 31. februar).",
        "en": "The founding date does not exist in the calendar (e.g. 31 February).",
    },
    "problem.text_cleaned": {
        "sr-Latn": "Iz teksta su uklonjeni nevidljivi kontrolni znaci (ili znaci koji menjaju smer pisanja).",
        "en": "Invisible control characters (or characters that change the writing direction) were removed "
        "from the text.",
    },
    "problem.text_too_long": {
        "sr-Latn": "Tekst je duži od {limit} znakova.",
        "en": "The text is longer than {limit} characters.",
    },
    "problem.mojibake": {
        "sr-Latn": "Tekst je pokvaren mešanjem kodiranja znakova (UTF-8 pročitan kao Windows-1250; "
        "verovatno je „{repaired}“): sačuvajte celu datoteku u jednom kodiranju.",
        "en": "The text is garbled by mixed character encodings (UTF-8 read as Windows-1250; probably "
        "“{repaired}”): save the whole file in one encoding.",
    },
    "problem.uncompressed_too_large": {
        "sr-Latn": "Raspakovana, datoteka bi bila veća od dozvoljenih {limit} MB (XLSX je komprimovana "
        "arhiva); ništa nije pročitano.",
        "en": "Unpacked, the file would be larger than the {limit} MB allowed (an XLSX file is a "
        "compressed archive); nothing was read.",
    },
    "problem.compression_ratio_too_high": {
        "sr-Latn": "Datoteka je sabijena više od {ratio} puta: to nije obična tabela i ne otvara se.",
        "en": "The file is compressed more than {ratio} times: it is not an ordinary spreadsheet and is "
        "not opened.",
    },
    "problem.too_many_rows": {
        "sr-Latn": "Više od {limit} redova s podacima (sve datoteke jednog uvoza zajedno): podelite "
        "datoteku.",
        "en": "More than {limit} data rows (all files of one import together): split the file.",
    },
    "problem.too_many_columns": {
        "sr-Latn": "Datoteka ima više od {limit} kolona.",
        "en": "The file has more than {limit} columns.",
    },
    "problem.check_too_long": {
        "sr-Latn": "Provera je prekinuta posle {seconds} s računanja: ovako veliku datoteku proverava samo "
        "urednik (prvo unesite uredničku lozinku) ili komandna linija.",
        "en": "Checking stopped after {seconds} s of computing: a file this large is checked only for an "
        "editor (enter the editor credential first) or on the command line.",
    },
    "problem.store_read_only": {
        "sr-Latn": "Skladište je samo za čitanje: ništa nije sačuvano. Administrator treba da dozvoli "
        "upis ili izabere drugo skladište.",
        "en": "The store is read-only: nothing was stored. The administrator has to allow writing to it "
        "or choose another store.",
    },
}
