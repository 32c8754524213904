//! Rules for a klantbeeld version.

use crate::{CoreError, CoreResult};
use werkpad_proto::{KlantbeeldData, LifeDomain, LifeDomainScore};

/// Every one of the 13 levensgebieden appears once, in the fixed order, scored 1..=5 or
/// not at all.
pub fn normalise(mut data: KlantbeeldData) -> CoreResult<KlantbeeldData> {
    for s in &data.life_domains {
        if let Some(score) = s.score {
            if !(1..=5).contains(&score) {
                return Err(CoreError::invalid(
                    "life_domains",
                    format!("score {score} outside 1..=5"),
                    "Een score op een levensgebied loopt van 1 (acuut probleem) tot 5 (volledig zelfredzaam).",
                ));
            }
        }
    }
    let given = std::mem::take(&mut data.life_domains);
    data.life_domains = LifeDomain::ALL
        .iter()
        .map(|d| {
            given
                .iter()
                .rev()
                .find(|s| s.domain == *d)
                .cloned()
                .unwrap_or(LifeDomainScore {
                    domain: *d,
                    score: None,
                    remark: String::new(),
                })
        })
        .collect();
    data.obstacles.retain(|o| !o.description.trim().is_empty());
    data.competences.retain(|c| !c.name.trim().is_empty());
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_thirteen_domains_are_kept_in_order_and_bad_scores_refused() {
        let data = KlantbeeldData {
            life_domains: vec![LifeDomainScore {
                domain: LifeDomain::Justitie,
                score: Some(4),
                remark: "geen".into(),
            }],
            ..Default::default()
        };
        let n = normalise(data).unwrap();
        assert_eq!(
            n.life_domains.len(),
            13,
            "the matrix always has 13 levensgebieden"
        );
        assert_eq!(n.life_domains[12].score, Some(4));
        assert_eq!(n.life_domains[0].domain, LifeDomain::Financien);
        let bad = KlantbeeldData {
            life_domains: vec![LifeDomainScore {
                domain: LifeDomain::Financien,
                score: Some(6),
                remark: String::new(),
            }],
            ..Default::default()
        };
        assert!(normalise(bad).is_err(), "6 is not on the 1..5 scale");
    }
}
