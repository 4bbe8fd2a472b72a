//! Argument groups several commands share, each turned into the library's
//! own configuration: the mapper options into a [`PipelineBuilder`], the
//! peer options into [`PeerGroups`].

use std::path::PathBuf;

use clap::ValueEnum;
use kommunbench_analysis::{PeerGroups, Pipeline, PipelineBuilder, TableFormat};
use kommunbench_core::Framework;
use kommunbench_mapping::MapperKind;
use kommunbench_outcomes::{KpiMap, Outcomes};

/// The framework and mapper to use.
#[derive(Debug, clap::Args)]
pub(crate) struct MapperArgs {
    /// A built-in framework id (se-2008, se-2025) or a framework file (.toml, .json).
    #[arg(long, default_value = Framework::DEFAULT, value_name = "ID|FILE")]
    pub framework: String,
    /// A lexicon file for the framework (built-in frameworks have one).
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<PathBuf>,
    /// The mapper: lexicon (terms with weights: fast and explainable), similarity
    /// (TF-IDF to each area's profile), ensemble (both, the lexicon weighing 2).
    #[arg(long, default_value_t = MapperKind::Lexicon, value_parser = mapper_kind)]
    pub mapper: MapperKind,
}

fn mapper_kind(s: &str) -> Result<MapperKind, String> {
    s.parse().map_err(|e: kommunbench_mapping::UnknownMapper| e.to_string())
}

impl MapperArgs {
    /// The pipeline these options describe.
    pub(crate) fn pipeline(&self) -> PipelineBuilder {
        let builder = Pipeline::builder().framework(&self.framework).mapper(self.mapper);
        match &self.lexicon {
            Some(path) => builder.lexicon(path),
            None => builder,
        }
    }
}

/// The format of a table printed to standard output.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum TableArg {
    Csv,
    Json,
    Markdown,
    Parquet,
}

impl From<TableArg> for TableFormat {
    fn from(format: TableArg) -> TableFormat {
        match format {
            TableArg::Csv => TableFormat::Csv,
            TableArg::Json => TableFormat::Json,
            TableArg::Markdown => TableFormat::Markdown,
            TableArg::Parquet => TableFormat::Parquet,
        }
    }
}

/// How peer groups are formed.
#[derive(Debug, clap::Args)]
pub(crate) struct PeerArgs {
    /// Peer groups from a CSV file with the columns municipality,group.
    #[arg(long, value_name = "FILE", conflicts_with = "by_county")]
    pub groups: Option<PathBuf>,
    /// Municipalities of one county (län, landskap) are peers.
    #[arg(long)]
    pub by_county: bool,
    /// Only the municipalities' own documents make rows: party programmes,
    /// regional and national texts are left out (by default each is a row
    /// of its own, such as `Lomma (M)`).
    #[arg(long)]
    pub municipalities_only: bool,
}

impl PeerArgs {
    /// The builder with these rows and peer groups.
    pub(crate) fn apply(&self, builder: PipelineBuilder) -> PipelineBuilder {
        let groups = match (&self.groups, self.by_county) {
            (Some(file), _) => PeerGroups::File(file.clone()),
            (None, true) => PeerGroups::ByCounty,
            (None, false) => PeerGroups::None,
        };
        builder.peer_groups(groups).municipalities_only(self.municipalities_only)
    }
}

/// Outcome data beside the coverage (Kolada key figures).
#[derive(Debug, clap::Args)]
pub(crate) struct OutcomeArgs {
    /// Kolada data responses (JSON, as the API returns them or as
    /// `kommunbench outcomes fetch` saves them), one or more.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub outcomes: Vec<PathBuf>,
    /// Which key figure speaks to which area (TOML); the example that ships
    /// for se-2008 when not given.
    #[arg(long, value_name = "FILE", requires = "outcomes")]
    pub kpis: Option<PathBuf>,
}

impl OutcomeArgs {
    /// The outcome data and the KPI file, read before any document is, or
    /// `None` without `--outcomes`.
    pub(crate) fn load(&self, framework: &Framework) -> anyhow::Result<Option<(Outcomes, KpiMap)>> {
        if self.outcomes.is_empty() {
            return Ok(None);
        }
        let kpis = match &self.kpis {
            Some(file) => KpiMap::from_path(file, framework)?,
            None if framework.id().as_str() == "se-2008" => KpiMap::builtin_se_2008(framework)?,
            None => anyhow::bail!("no KPI file ships for {}; give one with --kpis FILE", framework.id()),
        };
        let outcomes = Outcomes::read(&self.outcomes)?;
        for line in outcomes.notes.unfinished_pages() {
            eprintln!("warning: {line}");
        }
        Ok(Some((outcomes, kpis)))
    }
}
