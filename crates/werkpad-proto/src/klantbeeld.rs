//! The klantbeeld: the living, versioned picture of a kandidaat.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The 13 levensgebieden of the Zelfredzaamheidsmatrix (scale 1 acuut probleem … 5
/// volledig zelfredzaam).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LifeDomain {
    Financien,
    WerkOpleiding,
    Tijdsbesteding,
    Huisvesting,
    HuiselijkeRelaties,
    GeestelijkeGezondheid,
    LichamelijkeGezondheid,
    Middelengebruik,
    BasaleAdl,
    InstrumenteleAdl,
    SociaalNetwerk,
    MaatschappelijkeParticipatie,
    Justitie,
}

impl LifeDomain {
    pub const ALL: [LifeDomain; 13] = [
        LifeDomain::Financien,
        LifeDomain::WerkOpleiding,
        LifeDomain::Tijdsbesteding,
        LifeDomain::Huisvesting,
        LifeDomain::HuiselijkeRelaties,
        LifeDomain::GeestelijkeGezondheid,
        LifeDomain::LichamelijkeGezondheid,
        LifeDomain::Middelengebruik,
        LifeDomain::BasaleAdl,
        LifeDomain::InstrumenteleAdl,
        LifeDomain::SociaalNetwerk,
        LifeDomain::MaatschappelijkeParticipatie,
        LifeDomain::Justitie,
    ];
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LifeDomainScore {
    pub domain: LifeDomain,
    /// 1..=5, or none when not assessed.
    pub score: Option<u8>,
    pub remark: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ObstacleKind {
    Fysiek,
    Mentaal,
    Praktisch,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    Laag,
    Middel,
    Hoog,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Obstacle {
    pub kind: ObstacleKind,
    pub description: String,
    pub urgency: Urgency,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CompetenceKind {
    Kennis,
    Vaardigheid,
    Houding,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CompetenceStatus {
    Aanwezig,
    TeOntwikkelen,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Competence {
    pub name: String,
    pub kind: CompetenceKind,
    pub status: CompetenceStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct KlantbeeldData {
    pub life_domains: Vec<LifeDomainScore>,
    pub possibilities: String,
    pub obstacles: Vec<Obstacle>,
    pub motivation: String,
    pub drives: String,
    pub work_history: String,
    pub education_history: String,
    pub competences: Vec<Competence>,
    pub self_image: String,
    pub network: String,
    /// Aanhaakpunt: what this person can be engaged on.
    pub hook: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct KlantbeeldVersion {
    pub id: String,
    pub version: u32,
    pub created_on: String,
    pub author: String,
    /// Why this version was made, e.g. "Na snuffelstage".
    pub reason: String,
    pub data: KlantbeeldData,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Klantbeeld {
    pub candidate_id: String,
    /// Newest first.
    pub versions: Vec<KlantbeeldVersion>,
    /// dd-mm-jjjj of the last check that the picture is still right.
    pub last_verified_on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct KlantbeeldInput {
    pub candidate_id: String,
    pub reason: String,
    pub data: KlantbeeldData,
}
