"""Service limit rules, registered explicitly in order."""

from archbuilder.validation.rules._load import load_modules

# Registered by hand, in this order; one name per rule module.
MODULES = load_modules(
    "lim_api_gateway_timeout",
    "lim_aurora_capacity_range",
    "lim_bucket_name_not_dns",
    "lim_cloudfront_certificate_region",
    "lim_dynamodb_trigger_without_stream",
    "lim_ebs_attached_across_azs",
    "lim_ebs_iops_per_size",
    "lim_ebs_volume_shared",
    "lim_fifo_topic_subscribers",
    "lim_global_table_without_stream",
    "lim_hdd_boot_volume",
    "lim_internet_lb_in_private_subnets",
    "lim_kinesis_too_many_consumers",
    "lim_lambda_polls_unsupported_source",
    "lim_lambda_reserved_concurrency",
    "lim_load_balancer_across_regions",
    "lim_peering_overlapping_cidrs",
    "lim_private_zone_without_vpc",
    "lim_redshift_spectrum_across_regions",
    "lim_s3_replication_without_versioning",
    "lim_scaling_bounds",
    "lim_security_group_across_regions",
    "lim_security_group_other_vpc",
    "lim_several_internet_gateways",
    "lim_subnet_out_of_addresses",
    "lim_too_many_elastic_ips",
    "lim_too_many_security_groups",
    "lim_too_many_vpcs",
    "lim_user_data_too_large",
    "lim_vpc_cidr_size",
    "lim_vpn_without_gateways",
)
