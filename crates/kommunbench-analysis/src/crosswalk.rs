//! Crosswalks between frameworks, so one corpus can be benchmarked against
//! either and the two compared.

use std::path::Path;

use kommunbench_core::Framework;
use polars::prelude::*;
use serde::Deserialize;

use crate::profile::Profile;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCrosswalk {
    from: String,
    to: String,
    links: Vec<RawLink>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLink {
    from: String,
    to: Vec<String>,
}

/// A crosswalk file that does not fit its frameworks.
#[derive(Debug, thiserror::Error)]
#[error("{origin}: {message}")]
pub struct CrosswalkError {
    /// The file.
    pub origin: String,
    /// What is wrong.
    pub message: String,
}

/// Links from the areas of one framework to the areas of another.
///
/// ```
/// use kommunbench_analysis::{Crosswalk, Actor, Profile};
/// use kommunbench_core::Framework;
///
/// let (old, new) = (Framework::builtin("se-2008")?, Framework::builtin("se-2025")?);
/// let walk = Crosswalk::builtin(&old, &new)?;
/// // Only `work` covered in se-2008 means only `economic` in se-2025.
/// let p = Profile::from_scores(Actor::named("Vasa"), vec![0.0, 0.9, 0.0, 0.0, 0.0, 0.0, 0.0], 0.6);
/// let q = walk.apply(&p, 0.6);
/// assert_eq!(q.covered, [true, false, false, false, false]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Crosswalk {
    /// `links[i]`: the target areas of source area `i`.
    links: Vec<Vec<usize>>,
    targets: usize,
}

impl Crosswalk {
    /// The built-in crosswalk from `se-2008` to `se-2025`.
    pub fn builtin(from: &Framework, to: &Framework) -> Result<Crosswalk, CrosswalkError> {
        Self::parse(include_str!("../data/crosswalk-se-2008-se-2025.toml"), from, to, "<builtin crosswalk>")
    }

    /// Loads a crosswalk file.
    pub fn from_path(path: &Path, from: &Framework, to: &Framework) -> Result<Crosswalk, CrosswalkError> {
        let origin = path.display().to_string();
        let text =
            kommunbench_core::read_text(path).map_err(|e| CrosswalkError { origin: origin.clone(), message: e.to_string() })?;
        Self::parse(&text, from, to, &origin)
    }

    fn parse(text: &str, from: &Framework, to: &Framework, origin: &str) -> Result<Crosswalk, CrosswalkError> {
        let err = |message: String| CrosswalkError { origin: origin.to_owned(), message };
        let raw: RawCrosswalk = toml::from_str(text).map_err(|e| err(e.to_string()))?;
        if raw.from != from.id().as_str() || raw.to != to.id().as_str() {
            return Err(err(format!(
                "crosswalk is from `{}` to `{}`, not from `{}` to `{}`",
                raw.from,
                raw.to,
                from.id(),
                to.id()
            )));
        }
        let mut links = vec![Vec::new(); from.areas().len()];
        for link in raw.links {
            let source =
                from.area_index(&link.from).ok_or_else(|| err(format!("unknown area `{}` of {}", link.from, from.id())))?;
            for t in link.to {
                links[source].push(to.area_index(&t).ok_or_else(|| err(format!("unknown area `{t}` of {}", to.id())))?);
            }
        }
        Ok(Crosswalk { links, targets: to.areas().len() })
    }

    /// A profile in the target framework: each target area takes the best
    /// score of the source areas linked to it, covered at `threshold`.
    pub fn apply(&self, profile: &Profile, threshold: f64) -> Profile {
        let mut scores = vec![0.0f64; self.targets];
        for (source, targets) in self.links.iter().enumerate() {
            for &t in targets {
                scores[t] = scores[t].max(profile.scores.get(source).copied().unwrap_or(0.0));
            }
        }
        let mut out = Profile::from_scores(profile.actor.clone(), scores, threshold);
        out.document.clone_from(&profile.document);
        out
    }
}

/// Side by side, per municipality and target area: the coverage obtained
/// through the crosswalk and the coverage mapped directly against the
/// target framework: `municipality, area, via_crosswalk, direct, agree`.
pub fn compare_frameworks(via: &[Profile], direct: &[Profile], to: &Framework) -> PolarsResult<DataFrame> {
    let (mut names, mut areas) = (Vec::new(), Vec::new());
    let (mut via_crosswalk, mut mapped, mut agree) = (Vec::new(), Vec::new(), Vec::new());
    for p in via {
        let Some(q) = direct.iter().find(|q| (&q.actor, &q.document) == (&p.actor, &p.document)) else { continue };
        for (i, area) in to.areas().iter().enumerate() {
            names.push(p.name().to_owned());
            areas.push(area.id.to_string());
            via_crosswalk.push(p.covered[i]);
            mapped.push(q.covered[i]);
            agree.push(p.covered[i] == q.covered[i]);
        }
    }
    df!("municipality" => names, "area" => areas, "via_crosswalk" => via_crosswalk, "direct" => mapped, "agree" => agree)
}
