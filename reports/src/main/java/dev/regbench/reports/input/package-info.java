/**
 * Reading what a report is made of: run result directories (labelled by suite and backend) and JMH JSON
 * files. Bad files become one-line problems that the report lists; they never stop the rest from rendering.
 */
package dev.regbench.reports.input;
