package dev.tarn.jdbc;
