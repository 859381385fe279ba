# Builds ui-adapter/src/main/resources/console/servicos/brasil-uf.js (GeoJSON as an ES module: served, cached and
# gzipped like the console's other files), the web console's map of Brazil's states,
# from Natural Earth's admin-1 states and provinces at 1:50m (public domain, naturalearthdata.com) as the Debian
# package r-cran-rnaturalearthdata carries it (states50). Run once: Rscript scripts/brasil-uf.R
# (apt-get install r-base-core r-cran-rnaturalearthdata r-cran-sp). Vertices closer than 0.08 degree to the last
# kept one are dropped and islands under 0.02 square degree left out: about 4,000 points for the 27 UFs.
suppressMessages(library(sp))
data("states50", package="rnaturalearthdata")
br <- states50[states50$iso_a2 == "BR", ]
# Natural Earth gives "R." as the postal code of Acre and Rondônia
br$postal[br$name == "Acre"] <- "AC"
br$postal[br$name == "Rondônia"] <- "RO"
cat(nrow(br), "\n")
cat(paste(br$postal, br$name, collapse=";"), "\n")
# Douglas-Peucker-free simplification: keep every k-th vertex (ring endpoints kept), drop tiny islands
simplify <- function(m, tol) {
  keep <- c(TRUE, rep(FALSE, nrow(m)-2), TRUE)
  last <- m[1,]
  for (i in 2:(nrow(m)-1)) { if (max(abs(m[i,]-last)) >= tol) { keep[i] <- TRUE; last <- m[i,] } }
  m[keep,,drop=FALSE]
}
fmt <- function(m) paste0("[", paste0("[", sprintf("%.3f", m[,1]), ",", sprintf("%.3f", m[,2]), "]", collapse=","), "]")
feats <- c()
for (i in seq_len(nrow(br))) {
  polys <- br@polygons[[i]]@Polygons
  rings <- c()
  for (p in polys) {
    if (p@hole) next
    if (p@area < 0.02) next
    m <- simplify(p@coords, 0.08)
    if (nrow(m) < 4) next
    rings <- c(rings, paste0("[", fmt(m), "]"))
  }
  geom <- paste0('{"type":"MultiPolygon","coordinates":[', paste(rings, collapse=","), ']}')
  feats <- c(feats, paste0('{"type":"Feature","properties":{"uf":"', br$postal[i], '","nome":"', br$name[i], '"},"geometry":', geom, '}'))
}
writeLines(paste0('export default {"type":"FeatureCollection","features":[', paste(feats, collapse=",\n"), ']};'), "ui-adapter/src/main/resources/console/servicos/brasil-uf.js", useBytes=TRUE)
