-- Latest actual value per province and series (indicator, administrative level, unit,
-- base), with the report and date it comes from: what a scorecard or map in a BI tool shows.
select
    s.province_code,
    p.province_name_vi,
    s.domain,
    s.indicator_code,
    i.name_vi as indicator_name_vi,
    i.name_en as indicator_name_en,
    s.admin_level,
    s.value,
    s.unit,
    s.base,
    s.reference_date,
    s.published_date,
    s.report_key,
    d.source_file,
    s.fact_key,
    s.evidence
from {{ ref('int_actual_values') }} as s
inner join {{ ref('dim_province') }} as p on p.province_code = s.province_code
inner join {{ ref('dim_indicator') }} as i on i.indicator_code = s.indicator_code
inner join {{ ref('dim_report') }} as d on d.report_key = s.report_key
where s.recency = 1
