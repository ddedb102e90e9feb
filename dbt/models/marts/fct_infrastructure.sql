-- depends_on: {{ ref('int_observations_classified') }}, {{ ref('stg_reports') }} (read when incremental)
{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='report_key',
    on_schema_change='fail',
    post_hook="{{ delete_rows_gone_from(ref('int_facts'), \"domain = 'infrastructure'\") }}",
) }}
{{ fact_table('infrastructure') }}
