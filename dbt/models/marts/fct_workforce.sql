{{ fact_table('workforce') }}
