/**
 * pyconc's reports: one model of a result ({@link dev.pyconc.reports.RunRecord}, {@link dev.pyconc.reports.ResultRecord},
 * read by {@link dev.pyconc.reports.Results} from a conformance results file or a stress summary) and the writers on
 * it: the shared Jackson mapper ({@link dev.pyconc.reports.Json}), Allure 2 results
 * ({@link dev.pyconc.reports.AllureResults}) and the static HTML report ({@link dev.pyconc.reports.HtmlReport},
 * {@code pyconc report}); plus the case sources the spec jar carries ({@link dev.pyconc.reports.CaseSources}).
 */
package dev.pyconc.reports;
