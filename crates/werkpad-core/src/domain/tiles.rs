//! Werklandschap tiles and their guidance points (from the VNG Werklandschap), shown as a
//! checklist the coach may tick: a help, never a gate.

use werkpad_proto::{Phase, Tile};

pub fn as_str(t: Tile) -> &'static str {
    match t {
        Tile::Melding => "melding",
        Tile::Intake => "intake",
        Tile::MaatschappelijkFit => "maatschappelijk_fit",
        Tile::Orientatie => "orientatie",
        Tile::WerkFit => "werk_fit",
        Tile::Opleiden => "opleiden",
        Tile::Bemiddeling => "bemiddeling",
        Tile::Plaatsing => "plaatsing",
        Tile::Nazorg => "nazorg",
        Tile::Waakvlam => "waakvlam",
    }
}

pub const ALL: [Tile; 10] = [
    Tile::Melding,
    Tile::Intake,
    Tile::MaatschappelijkFit,
    Tile::Orientatie,
    Tile::WerkFit,
    Tile::Opleiden,
    Tile::Bemiddeling,
    Tile::Plaatsing,
    Tile::Nazorg,
    Tile::Waakvlam,
];

pub fn parse(s: &str) -> Option<Tile> {
    ALL.into_iter().find(|t| as_str(*t) == s)
}

/// The tile that goes with a main-line phase; `afgesloten` has none.
pub fn for_phase(p: Phase) -> Option<Tile> {
    match p {
        Phase::Intake => Some(Tile::Intake),
        Phase::WerkFit => Some(Tile::WerkFit),
        Phase::Plaatsing => Some(Tile::Plaatsing),
        Phase::Nazorg => Some(Tile::Nazorg),
        Phase::Waakvlam => Some(Tile::Waakvlam),
        Phase::Afgesloten => None,
    }
}

/// (key, Dutch label) of each guidance point.
pub fn checklist(t: Tile) -> &'static [(&'static str, &'static str)] {
    match t {
        Tile::Melding => &[
            ("basisgegevens", "Basisgegevens eenmalig vastgelegd voor hergebruik"),
            ("signalen", "Gelet op laaggeletterdheid, licht verstandelijke beperking en acute problemen"),
            ("warme_overdracht", "Zo nodig warm overgedragen"),
        ],
        Tile::Intake => &[
            ("levensgebieden", "Situatie op de levensgebieden in beeld"),
            ("mogelijkheden", "Mogelijkheden en belemmeringen (fysiek, mentaal, praktisch) besproken"),
            ("motivatie", "Motivatie en drijfveren besproken"),
            ("achtergrond", "Werk- en opleidingsachtergrond vastgelegd"),
            ("zelfbeeld", "Zelfbeeld van de kandidaat gehoord"),
            ("urgentie", "Urgentie bepaald"),
            ("klantbeeld", "Eerste klantbeeld vastgelegd"),
            ("plan", "Eerste plan van aanpak afgesproken"),
        ],
        Tile::MaatschappelijkFit => &[
            ("stabiliseren", "Urgente problemen eerst stabiliseren (schulden, huisvesting, zorg)"),
            ("basisvaardigheden", "Basisvaardigheden: taal, rekenen, digitaal, sociaal"),
            ("participatie", "Participatie als betaald werk nog niet haalbaar is (vrijwilligerswerk, dagbesteding)"),
        ],
        Tile::Orientatie => &[
            ("testen", "Testen: competenties, capaciteiten, leervermogen, affiniteiten"),
            ("snuffelstage", "Snuffelstage"),
            ("carrousel", "Oriëntatiecarrousel per sector"),
            ("werkervaringsplek", "Werkervaringsplek"),
        ],
        Tile::WerkFit => &[
            ("vaardigheden", "Werknemers-, vak- en sollicitatievaardigheden"),
            ("motivatie", "Motivatie en doorzettingsvermogen"),
            ("belemmeringen", "Belemmeringen aangepakt (jobcoaching, gezondheid, vervoer, kinderopvang)"),
            ("leerdoelen", "Leerdoelen boven prestatiedoelen"),
        ],
        Tile::Opleiden => &[
            ("diploma", "Diploma (mbo BBL/BOL, hbo)"),
            ("certificaat", "Certificaat (VCA, heftruck)"),
            ("praktijkverklaring", "Praktijkverklaring of leerwerktraject"),
            ("open_badges", "Open badges"),
        ],
        Tile::Bemiddeling => &[
            ("matchen", "Matchen op competenties, affiniteiten en leervermogen, niet op diploma's"),
            ("vacatures", "Huidige en toekomstige vacatures bekeken"),
            ("kennismaking", "Speeddate of kennismakingsgesprek"),
            ("sollicitatie", "Sollicitatiegesprek met ondersteuning"),
        ],
        Tile::Plaatsing => &[
            ("afspraken", "Afspraken met werkgever en kandidaat over ondersteuning"),
            ("instrumenten", "Instrumenten geregeld (loonkostensubsidie, proefplaatsing, jobcoaching, werkplekaanpassing)"),
            ("risicos", "Risico's en een plan voor als het tegenzit"),
            ("nazorg", "Nazorg afgesproken"),
        ],
        Tile::Nazorg => &[
            ("contactpersoon", "Eén contactpersoon voor werknemer en werkgever"),
            ("snel_reageren", "Snel reageren bij signalen"),
            ("tijdig_ingrijpen", "Tijdig ingrijpen als de plaatsing misgaat, stopt of ontgroeid is"),
        ],
        Tile::Waakvlam => &[
            ("licht_contact", "Licht contact in een vast ritme"),
            ("opschalen", "Bij signalen direct opschalen"),
        ],
    }
}
