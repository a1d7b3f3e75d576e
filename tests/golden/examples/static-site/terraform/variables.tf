variable "name" {
  description = "Name prefix of the resources"
  type        = string
  default     = "static-website"
}

variable "region" {
  description = "AWS region to deploy into"
  type        = string
  default     = "us-east-1"
}

variable "environment" {
  description = "Environment the resources are tagged with"
  type        = string
  default     = "production"
}

variable "example_com_domain_name" {
  description = "Domain of the hosted zone example.com"
  type        = string
  default     = "example.com"
}
