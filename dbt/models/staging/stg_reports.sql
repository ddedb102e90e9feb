with source as (
    select * from {{ source('raw', 'reports') }}
),

renamed as (
    select
        report_key,
        content_sha256,
        source_file,
        file_format,
        encoding,
        cast(byte_size as bigint) as byte_size,
        nullif(trim(title), '') as title,
        cast(published_date as date) as published_date,
        province_code,
        province_evidence,
        nullif(trim(source_site), '') as source_site,
        province_source,
        published_source,
        nullif(trim(source_url), '') as source_url,
        first_loaded_at,
        loaded_at
    from source
)

select * from renamed
