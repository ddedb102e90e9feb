with source as (
    select * from {{ source('raw', 'observations') }}
),

renamed as (
    select
        observation_key,
        report_key,
        cast(ordinal as integer) as ordinal,
        cast(sentence_index as integer) as sentence_index,
        sentence,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        quote,
        cast(value as double) as value,
        unit,
        cast(numerator as double) as numerator,
        cast(denominator as double) as denominator,
        cast(stated_percent as double) as stated_percent,
        qualifier,
        cast(as_of_date as date) as as_of_date,
        admin_level,
        admin_level_source,
        cast(base as varchar) as base,
        cast(is_target as boolean) as is_target,
        subject,
        clause,
        cast(parent_ordinal as integer) as parent_ordinal,
        -- what the extractor knows about the figure's form and place in the document
        coalesce(figure_kind, case unit when 'percent' then 'percent' when 'ratio' then 'ratio' else 'count' end)
            as figure_kind,
        cast(range_high as double) as range_high,
        cast(multiplier as double) as multiplier,
        coalesce(scope, 'prose') as scope,
        section,
        table_column,
        table_row,
        coalesce(target_source, case when is_target then 'cue' else 'none' end) as target_source,
        as_of_source,
        coalesce(cast(parts_complete as boolean), false) as parts_complete,
        -- classification (extraction/classify.py)
        coalesce(indicator_code, 'unclassified') as indicator_code,
        coalesce(domain, 'other') as domain,
        classified_by,
        matched_keyword,
        relevance,
        extractor_version,
        extracted_at
    from source
),

-- A report whose lead paragraph is printed twice yields the same figures twice,
-- in identical sentences: keep the first copy. Two equal figures inside one
-- sentence ("21 Sở ... 21 huyện") are distinct, so a figure is identified by its
-- sentence text and its rank among the figures of that sentence.
ranked_in_sentence as (
    select
        *,
        row_number() over (
            partition by report_key, sentence_index
            order by char_start
        ) as rank_in_sentence
    from renamed
),

deduplicated as (
    select
        *,
        row_number() over (
            partition by report_key, sentence, rank_in_sentence
            order by char_start
        ) as occurrence
    from ranked_in_sentence
)

select
    observation_key, report_key, ordinal, sentence_index, sentence, char_start, char_end,
    quote, value, unit, numerator, denominator, stated_percent, qualifier, as_of_date,
    admin_level, admin_level_source, base, is_target, subject, clause, parent_ordinal,
    figure_kind, range_high, multiplier, scope, section, table_column, table_row, target_source, as_of_source,
    parts_complete, indicator_code, domain, classified_by, matched_keyword, relevance,
    extractor_version, extracted_at
from deduplicated
where occurrence = 1
