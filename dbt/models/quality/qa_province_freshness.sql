-- One row per province with at least one report: its newest report and that report's
-- age against the limit (env var PDX_FRESHNESS_DAYS, default 365 days).
with reports as (
    select
        report_key,
        province_code,
        published_date,
        row_number() over (
            partition by province_code
            order by case when published_date is null then 1 else 0 end, published_date desc, report_key
        ) as recency_rank,
        count(*) over (partition by province_code) as reports
    from {{ ref('dim_report') }}
    where province_code is not null
),

newest as (
    select
        r.province_code,
        p.province_name_vi,
        r.reports,
        r.published_date as newest_published_date,
        r.report_key,
        {{ dbt.datediff("r.published_date", "cast(" ~ dbt.current_timestamp() ~ " as date)", "day") }} as age_days,
        -- An empty PDX_FRESHNESS_DAYS (a blank line of .env) means the default, as in settings.py.
        cast({{ env_var('PDX_FRESHNESS_DAYS', '') or '365' }} as {{ dbt.type_int() }}) as limit_days
    from reports as r
    left join {{ ref('dim_province') }} as p on p.province_code = r.province_code
    where r.recency_rank = 1
)

select
    province_code,
    province_name_vi,
    reports,
    newest_published_date,
    report_key,
    age_days,
    limit_days,
    age_days > limit_days as is_stale,
    cast(null as {{ dbt.type_string() }}) as evidence
from newest
