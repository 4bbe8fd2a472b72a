//! Coverage matrices: municipality (or document) x area, computed with
//! polars' lazy API from the long alignment table.

use polars::prelude::*;

/// The rows of a matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    /// One row per document.
    Document,
    /// One row per municipality, its documents combined.
    Municipality,
}

impl Granularity {
    fn keys(self) -> &'static [&'static str] {
        match self {
            Granularity::Document => &["document", "municipality"],
            Granularity::Municipality => &["municipality"],
        }
    }
}

/// What a matrix cell shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aggregation {
    /// 1 when the area is covered (the best document's score reaches the
    /// threshold), else 0.
    Binary,
    /// The best document-level score.
    MaxScore,
    /// The sum of the scores of the accepted segment alignments: how much
    /// text addresses the area.
    WeightedSum,
    /// The number of pieces of evidence behind document-level coverage.
    EvidenceCount,
    /// The row's attention share: the part of its segments given to the
    /// area (a segment with k areas gives 1/k to each); rows sum to 1 with
    /// the `uncoded` column.
    Attention,
}

impl Aggregation {
    fn column(self) -> &'static str {
        match self {
            Aggregation::Binary => "covered",
            Aggregation::MaxScore => "score",
            Aggregation::WeightedSum => "weighted_sum",
            Aggregation::EvidenceCount => "evidence_count",
            Aggregation::Attention => "attention",
        }
    }
}

/// A coverage matrix in long form: one row per key x area with every
/// aggregation.
///
/// Columns: the key (`municipality`, or `document` and `municipality`),
/// `area`, `score`, `covered`, `documents` (covering the area),
/// `evidence_count`, `weighted_sum`, `attention`, `uncoded` (the row's
/// uncoded share, repeated on each of its rows), `segments`.
#[derive(Debug, Clone)]
pub struct CoverageMatrix {
    long: DataFrame,
    areas: Vec<String>,
    level: Granularity,
    threshold: f64,
}

fn names(list: &[&str]) -> Vec<Expr> {
    list.iter().map(|c| col(*c)).collect()
}

fn left_join(left: LazyFrame, right: LazyFrame, on: &[&str]) -> LazyFrame {
    left.join(right, names(on), names(on), JoinArgs::new(JoinType::Left))
}

impl CoverageMatrix {
    /// Computes the matrix from an alignment table (see
    /// [`crate::alignments`]) for the framework's `areas`, in their order.
    ///
    /// ```
    /// use kommunbench_analysis::{Aggregation, CoverageMatrix, Granularity};
    /// use polars::prelude::*;
    ///
    /// let alignments = df!(
    ///     "document" => ["a", "a", "b", "b"],
    ///     "municipality" => ["Vasa", "Vasa", "Vasa", "Vasa"],
    ///     "unit_kind" => ["document", "document", "document", "document"],
    ///     "unit_index" => [0u32, 0, 0, 0],
    ///     "area" => ["work", "values", "work", "values"],
    ///     "score" => [0.7, 0.2, 0.4, 0.9],
    ///     "accepted" => [true, false, false, true],
    ///     "evidence_count" => [2u32, 1, 1, 3],
    /// )?;
    /// let areas = ["work".to_owned(), "values".to_owned()];
    /// let m = CoverageMatrix::compute(alignments.lazy(), &areas, Granularity::Municipality, 0.6)?;
    /// let wide = m.wide(Aggregation::MaxScore)?;
    /// assert_eq!(wide.column("work")?.f64()?.get(0), Some(0.7));
    /// assert_eq!(wide.column("values")?.f64()?.get(0), Some(0.9));
    /// # Ok::<(), PolarsError>(())
    /// ```
    pub fn compute(alignments: LazyFrame, areas: &[String], level: Granularity, threshold: f64) -> PolarsResult<CoverageMatrix> {
        let keys = level.keys();
        let key_area: Vec<&str> = keys.iter().copied().chain(["area"]).collect();
        let mut segment_keys: Vec<&str> = keys.to_vec();
        for k in ["document", "unit_index"] {
            if !segment_keys.contains(&k) {
                segment_keys.push(k);
            }
        }

        let documents = alignments
            .clone()
            .filter(col("unit_kind").eq(lit("document")))
            .group_by(names(&key_area))
            .agg([
                col("score").max().alias("score"),
                col("document").filter(col("score").gt_eq(lit(threshold))).n_unique().cast(DataType::UInt32).alias("documents"),
                col("evidence_count").sum().cast(DataType::UInt32).alias("evidence_count"),
            ])
            .with_column(col("score").gt_eq(lit(threshold)).alias("covered"));

        let segments = alignments.filter(col("unit_kind").eq(lit("segment")));
        let weighted =
            segments.clone().filter(col("accepted")).group_by(names(&key_area)).agg([col("score").sum().alias("weighted_sum")]);
        // Each segment gives its areas equal shares; an uncoded one gives
        // its share to no area.
        let areas_of_segment = col("area").count().over([col("document"), col("unit_index")])?;
        let shares = segments
            .clone()
            .filter(col("accepted"))
            .with_column((lit(1.0) / areas_of_segment.cast(DataType::Float64)).alias("share"))
            .group_by(names(&key_area))
            .agg([col("share").sum().alias("share_sum")]);
        let per_segment = segments.group_by(names(&segment_keys)).agg([col("accepted").any(true).alias("coded")]);
        let totals = per_segment.group_by(names(keys)).agg([
            len().cast(DataType::Float64).alias("segments"),
            col("coded").not().sum().cast(DataType::Float64).alias("uncoded_segments"),
        ]);

        let order = DataFrame::new_infer_height(vec![
            Column::new("area".into(), areas),
            Column::new("area_order".into(), (0..areas.len() as u32).collect::<Vec<_>>()),
        ])?;
        let mut sort_by: Vec<&str> = keys.to_vec();
        sort_by.push("area_order");
        let long = left_join(left_join(left_join(documents, weighted, &key_area), shares, &key_area), totals, keys)
            .inner_join(order.lazy(), col("area"), col("area"))
            .with_columns([
                col("weighted_sum").fill_null(lit(0.0)),
                (col("share_sum").fill_null(lit(0.0)) / col("segments"))
                    .fill_nan(lit(0.0))
                    .fill_null(lit(0.0))
                    .alias("attention"),
                (col("uncoded_segments") / col("segments")).fill_nan(lit(0.0)).fill_null(lit(0.0)).alias("uncoded"),
                col("segments").fill_null(lit(0.0)).cast(DataType::UInt32),
            ])
            .sort(sort_by, SortMultipleOptions::default())
            .select(
                names(keys)
                    .into_iter()
                    .chain(names(&[
                        "area",
                        "score",
                        "covered",
                        "documents",
                        "evidence_count",
                        "weighted_sum",
                        "attention",
                        "uncoded",
                        "segments",
                    ]))
                    .collect::<Vec<_>>(),
            )
            .collect()?;
        Ok(CoverageMatrix { long, areas: areas.to_vec(), level, threshold })
    }

    /// The long form.
    pub fn long(&self) -> &DataFrame {
        &self.long
    }

    /// The framework's areas, in column order.
    pub fn areas(&self) -> &[String] {
        &self.areas
    }

    /// The row level.
    pub fn level(&self) -> Granularity {
        self.level
    }

    /// The threshold at which an area counts as covered.
    pub fn threshold(&self) -> f64 {
        self.threshold
    }

    /// The wide form of one aggregation: the key columns and one column per
    /// area (plus `uncoded` for attention shares).
    pub fn wide(&self, value: Aggregation) -> PolarsResult<DataFrame> {
        let keys = self.level.keys();
        let value_col = value.column();
        let mut aggs: Vec<Expr> = self
            .areas
            .iter()
            .map(|a| {
                let cell = col(value_col).filter(col("area").eq(lit(a.as_str()))).first();
                let cell = if value == Aggregation::Binary { cell.cast(DataType::UInt32) } else { cell };
                cell.alias(a.as_str())
            })
            .collect();
        if value == Aggregation::Attention {
            aggs.push(col("uncoded").first().alias("uncoded"));
        }
        self.long.clone().lazy().group_by_stable(names(keys)).agg(aggs).collect()
    }
}

#[cfg(test)]
#[expect(clippy::float_cmp, reason = "exact values computed by hand")]
mod tests {
    use super::*;

    /// Two documents of Vasa and one of Hedemora; areas a, b.
    fn alignments() -> DataFrame {
        df!(
            "document" => ["v1", "v1", "v2", "v2", "h", "h", "v1", "v1", "v1", "v1", "v2", "h", "h"],
            "municipality" => ["Vasa", "Vasa", "Vasa", "Vasa", "Hedemora", "Hedemora", "Vasa", "Vasa", "Vasa", "Vasa", "Vasa", "Hedemora", "Hedemora"],
            "unit_kind" => ["document", "document", "document", "document", "document", "document", "segment", "segment", "segment", "segment", "segment", "segment", "segment"],
            "unit_index" => [0u32, 0, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 1],
            "area" => [Some("a"), Some("b"), Some("a"), Some("b"), Some("a"), Some("b"), Some("a"), Some("b"), Some("a"), None, Some("b"), None, Some("a")],
            "score" => [0.9, 0.3, 0.5, 0.8, 0.2, 0.1, 0.9, 0.7, 0.6, 0.0, 0.8, 0.0, 0.4],
            "accepted" => [true, false, false, true, false, false, true, true, true, false, true, false, false],
            "evidence_count" => [3u32, 1, 1, 2, 1, 1, 2, 1, 1, 0, 2, 0, 1],
        )
        .unwrap()
    }

    fn areas() -> Vec<String> {
        vec!["a".into(), "b".into()]
    }

    fn cell(df: &DataFrame, row: usize, column: &str) -> f64 {
        df.column(column).unwrap().cast(&DataType::Float64).unwrap().f64().unwrap().get(row).unwrap()
    }

    #[test]
    fn municipality_rows_combine_their_documents() {
        let m = CoverageMatrix::compute(alignments().lazy(), &areas(), Granularity::Municipality, 0.6).unwrap();
        let score = m.wide(Aggregation::MaxScore).unwrap();
        // Rows sorted by municipality: Hedemora, Vasa.
        assert_eq!(score.column("municipality").unwrap().str().unwrap().get(0), Some("Hedemora"));
        assert_eq!((cell(&score, 1, "a"), cell(&score, 1, "b")), (0.9, 0.8));
        assert_eq!((cell(&score, 0, "a"), cell(&score, 0, "b")), (0.2, 0.1));
        let binary = m.wide(Aggregation::Binary).unwrap();
        assert_eq!((cell(&binary, 1, "a"), cell(&binary, 1, "b"), cell(&binary, 0, "a")), (1.0, 1.0, 0.0));
        let evidence = m.wide(Aggregation::EvidenceCount).unwrap();
        assert_eq!((cell(&evidence, 1, "a"), cell(&evidence, 1, "b")), (4.0, 3.0));
        // Documents covering: a by v1 only, b by v2 only.
        assert_eq!(cell(m.long(), 2, "documents"), 1.0);
    }

    #[test]
    fn weighted_sum_adds_accepted_segment_scores() {
        let m = CoverageMatrix::compute(alignments().lazy(), &areas(), Granularity::Municipality, 0.6).unwrap();
        let w = m.wide(Aggregation::WeightedSum).unwrap();
        // Vasa a: 0.9 + 0.6; b: 0.7 + 0.8. Hedemora: nothing accepted.
        assert!((cell(&w, 1, "a") - 1.5).abs() < 1e-12);
        assert!((cell(&w, 1, "b") - 1.5).abs() < 1e-12);
        assert_eq!(cell(&w, 0, "a"), 0.0);
    }

    #[test]
    fn attention_shares_sum_to_one_with_the_uncoded_remainder() {
        let m = CoverageMatrix::compute(alignments().lazy(), &areas(), Granularity::Municipality, 0.6).unwrap();
        let att = m.wide(Aggregation::Attention).unwrap();
        // Vasa has four segments: v1#0 (a and b: 1/2 each), v1#1 (a), v1#2 (uncoded), v2#0 (b).
        assert!((cell(&att, 1, "a") - 1.5 / 4.0).abs() < 1e-12);
        assert!((cell(&att, 1, "b") - 1.5 / 4.0).abs() < 1e-12);
        assert!((cell(&att, 1, "uncoded") - 0.25).abs() < 1e-12);
        // Hedemora: two segments, none accepted.
        assert_eq!((cell(&att, 0, "a"), cell(&att, 0, "uncoded")), (0.0, 1.0));
        for row in 0..2 {
            let total = cell(&att, row, "a") + cell(&att, row, "b") + cell(&att, row, "uncoded");
            assert!((total - 1.0).abs() < 1e-12);
        }
    }

    #[test]
    fn document_rows_keep_their_municipality() {
        let m = CoverageMatrix::compute(alignments().lazy(), &areas(), Granularity::Document, 0.6).unwrap();
        let score = m.wide(Aggregation::MaxScore).unwrap();
        assert_eq!(score.height(), 3);
        assert_eq!(
            score.get_column_names_owned().iter().map(polars::prelude::PlSmallStr::as_str).collect::<Vec<_>>(),
            ["document", "municipality", "a", "b"]
        );
    }
}
